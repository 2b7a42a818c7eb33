using System.Text;
using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// Message Expiry Interval (MQTT 5.0 §3.3.2.3.3): a message that waited in the broker longer than its interval is not
/// delivered, and one that is delivered carries its interval minus the time it waited [MQTT-3.3.2-6].
/// </summary>
public sealed class MessageExpiryTests(ConformanceBrokers brokers)
{
    private static readonly TimeSpan ShortExpiry = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task An_offline_session_gets_no_expired_message_and_the_others_with_their_remaining_interval(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var topic = ConformanceNames.Topic();
        var clientId = ConformanceNames.ClientId("expiry");

        // Given a QoS 1 subscriber whose session is kept while it is away
        await using (var subscriber = await RawMqttClient.OpenAsync(port, ct))
        {
            Assert.Equal(0x00, (await subscriber.ConnectAsync(clientId, ct, (PropertyId.SessionExpiryInterval, 60))).ReasonCode);
            Assert.Equal([0x01], (await subscriber.SubscribeAsync(1, topic, 1, ct)).ReasonCodes);
            await subscriber.DisconnectAsync(ct);
            await subscriber.WaitForCloseAsync(ct);
        }

        // When, while it is away, messages expiring after 1 s and after 60 s and one without expiry are published
        await using (var publisher = await RawMqttClient.OpenAsync(port, ct))
        {
            Assert.Equal(0x00, (await publisher.ConnectAsync(ConformanceNames.ClientId("pub"), ct)).ReasonCode);
            await PublishAsync(publisher, topic, 1, "expires-in-1s", ct, (PropertyId.MessageExpiryInterval, (uint)ShortExpiry.TotalSeconds));
            await PublishAsync(publisher, topic, 2, "expires-in-60s", ct, (PropertyId.MessageExpiryInterval, 60));
            await PublishAsync(publisher, topic, 3, "never-expires", ct);
        }

        // And it comes back after the first has expired
        await IntervalUnderTest.PassAsync(ShortExpiry, ct);
        await using var resumed = await RawMqttClient.OpenAsync(port, ct);
        Assert.True((await resumed.ResumeAsync(clientId, ct)).SessionPresent);

        // Then the expired message is not delivered, the 60 s one comes with less than 60 s left, the last without expiry
        var first = await resumed.NextPublishAsync(ct);
        Assert.Equal("expires-in-60s", first.Text());
        Assert.InRange(first.Properties.Number(PropertyId.MessageExpiryInterval) ?? 0, 1u, 59u);
        Assert.False(first.Properties.Has(PropertyId.UserProperty), $"The broker added properties: {first.Properties}");
        await resumed.PubAckAsync(first.PacketId, ct);

        var second = await resumed.NextPublishAsync(ct);
        Assert.Equal("never-expires", second.Text());
        Assert.Null(second.Properties.Number(PropertyId.MessageExpiryInterval));
    }

    private static async Task PublishAsync(RawMqttClient publisher, string topic, ushort packetId, string payload, CancellationToken ct, params (byte Id, uint Value)[] properties)
    {
        await publisher.PublishAsync(topic, 1, packetId, Encoding.UTF8.GetBytes(payload), ct, properties);
        Assert.Equal(new PubAck(packetId, 0x00), (await publisher.ReadAsync(ct))?.AsPubAck());
    }
}
