using System.Text;
using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// What CONNACK says the broker supports (MQTT 5.0 §3.2.2.3) is what it does: each capability it advertises works, and
/// one it says it lacks is refused with the reason code the spec gives for it. (Topic aliases: <see cref="TopicAliasTests"/>.)
/// </summary>
public sealed class ConnAckCapabilityTests(ConformanceBrokers brokers)
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task Subscription_identifiers_work_as_advertised(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = ConformanceNames.Topic();
        await using var client = await RawMqttClient.OpenAsync(brokers.PortOf(broker), ct);
        var connAck = await client.ConnectAsync(ConformanceNames.ClientId("subid"), ct);
        Assert.Equal(0x00, connAck.ReasonCode);

        // Absent means available (§3.2.2.3.12)
        if (connAck.Properties.Number(PropertyId.SubscriptionIdentifierAvailable) == 0)
        {
            Assert.Equal([0xA1], (await client.SubscribeAsync(1, topic, 0, ct, (PropertyId.SubscriptionIdentifier, 7))).ReasonCodes);
            return;
        }

        Assert.Equal([0x00], (await client.SubscribeAsync(1, topic, 0, ct, (PropertyId.SubscriptionIdentifier, 7))).ReasonCodes);
        await client.PublishAsync(topic, 0, 0, "m"u8.ToArray(), ct);
        Assert.Equal(7u, (await client.NextPublishAsync(ct)).Properties.Number(PropertyId.SubscriptionIdentifier));
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task Shared_subscriptions_work_or_are_refused_as_advertised(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = ConformanceNames.Topic();
        await using var client = await RawMqttClient.OpenAsync(brokers.PortOf(broker), ct);
        var connAck = await client.ConnectAsync(ConformanceNames.ClientId("share"), ct);
        Assert.Equal(0x00, connAck.ReasonCode);

        var subAck = await client.SubscribeAsync(1, $"$share/conformance/{topic}", 0, ct);
        if (connAck.Properties.Number(PropertyId.SharedSubscriptionAvailable) == 0)
        {
            // 0x9E Shared Subscriptions not supported (§3.9.3)
            Assert.Equal([0x9E], subAck.ReasonCodes);
            return;
        }

        Assert.Equal([0x00], subAck.ReasonCodes);
        await client.PublishAsync(topic, 0, 0, "m"u8.ToArray(), ct);
        Assert.Equal(topic, (await client.NextPublishAsync(ct)).Topic);
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task Retained_messages_wildcards_and_QoS_2_work_as_advertised(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var prefix = ConformanceNames.Topic();
        await using var client = await RawMqttClient.OpenAsync(port, ct);
        var connAck = await client.ConnectAsync(ConformanceNames.ClientId("caps"), ct);
        Assert.Equal(0x00, connAck.ReasonCode);

        // The embedded broker and Mosquitto advertise all three (absent means available, Maximum QoS absent means 2)
        Assert.NotEqual(0u, connAck.Properties.Number(PropertyId.RetainAvailable) ?? 1);
        Assert.NotEqual(0u, connAck.Properties.Number(PropertyId.WildcardSubscriptionAvailable) ?? 1);
        Assert.Equal(2u, connAck.Properties.Number(PropertyId.MaximumQoS) ?? 2);

        // A retained message, then a wildcard subscription at QoS 2 that matches it
        await RetainAsync(port, $"{prefix}/a/state", ct);
        Assert.Equal([0x02], (await client.SubscribeAsync(1, $"{prefix}/+/state", 2, ct)).ReasonCodes);

        var retained = await client.NextPublishAsync(ct);
        Assert.Equal(("retained", true), (retained.Text(), retained.Retain));
    }

    private static async Task RetainAsync(int port, string topic, CancellationToken ct)
    {
        await using var publisher = await RawMqttClient.OpenAsync(port, ct);
        Assert.Equal(0x00, (await publisher.ConnectAsync(ConformanceNames.ClientId("pub"), ct)).ReasonCode);
        await publisher.PublishRetainedAsync(topic, Encoding.UTF8.GetBytes("retained"), ct);
        await publisher.DisconnectAsync(ct);
        await publisher.WaitForCloseAsync(ct);
    }
}
