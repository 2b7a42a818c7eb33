using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// An empty client id (MQTT 5.0 §3.1.3.1): the server may assign one and name it in CONNACK's Assigned Client
/// Identifier (§3.2.2.3.7), or refuse with 0x85 Client Identifier not valid. Both brokers assign one to an anonymous
/// client; the embedded broker refuses devices and service accounts without their own client id (0x85; their client id
/// is their identity, see the gateway README).
/// </summary>
public sealed class AssignedClientIdentifierTests(ConformanceBrokers brokers)
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task An_anonymous_client_with_an_empty_client_id_is_assigned_one_and_can_subscribe_and_publish_with_it(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = ConformanceNames.Topic();

        // When an anonymous client connects with an empty client id
        await using var client = await RawMqttClient.OpenAsync(brokers.PortOf(broker), ct);
        var connAck = await client.ConnectAsync(string.Empty, ct);

        // Then it is admitted and told the id the broker assigned
        Assert.Equal(0x00, connAck.ReasonCode);
        Assert.False(string.IsNullOrEmpty(connAck.Properties.Text(PropertyId.AssignedClientIdentifier)), $"CONNACK properties: {connAck.Properties}");

        // And the session under that id has the client's rights: its subscription is granted and gets its own message
        Assert.Equal([0x01], (await client.SubscribeAsync(1, topic, 1, ct)).ReasonCodes);
        await client.PublishAsync(topic, 1, 2, "hello"u8.ToArray(), ct);
        var packets = new[] { await client.ReadAsync(ct), await client.ReadAsync(ct) };
        Assert.Contains(packets, p => p?.Type == PacketType.PubAck && p.AsPubAck() == new PubAck(2, 0x00));
        Assert.Contains(packets, p => p?.Type == PacketType.Publish && p.AsPublish().Topic == topic);
    }
}
