using System.Text;
using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// The client's Receive Maximum (MQTT 5.0 §3.1.2.11.3, flow control §4.9): the server must not have more unacknowledged
/// QoS 1 and 2 PUBLISH packets in flight to the client than it allows. The ingestion worker's back-pressure relies on it.
/// </summary>
public sealed class ReceiveMaximumTests(ConformanceBrokers brokers)
{
    private const int ReceiveMaximum = 2;
    private const int Messages = 5;

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_client_with_Receive_Maximum_2_never_has_more_than_2_unacknowledged_messages_in_flight(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var topic = ConformanceNames.Topic();

        // Given a subscriber at QoS 1 that allows 2 messages in flight and acknowledges nothing yet
        await using var subscriber = await RawMqttClient.OpenAsync(port, ct);
        Assert.Equal(0x00, (await subscriber.ConnectAsync(ConformanceNames.ClientId("sub"), ct, (PropertyId.ReceiveMaximum, ReceiveMaximum))).ReasonCode);
        Assert.Equal([0x01], (await subscriber.SubscribeAsync(1, topic, 1, ct)).ReasonCodes);

        // When 5 QoS 1 messages are published to it, and after them a QoS 0 one (QoS 0 is not flow-controlled, §4.9),
        // which shows that the broker has routed all before it
        await using var publisher = await RawMqttClient.OpenAsync(port, ct);
        Assert.Equal(0x00, (await publisher.ConnectAsync(ConformanceNames.ClientId("pub"), ct)).ReasonCode);
        for (ushort i = 1; i <= Messages; i++)
        {
            await publisher.PublishAsync(topic, 1, i, Encoding.UTF8.GetBytes($"m{i}"), ct);
            Assert.Equal(new PubAck(i, 0x00), (await publisher.ReadAsync(ct))?.AsPubAck());
        }

        await publisher.PublishAsync(topic, 0, 0, "sentinel"u8.ToArray(), ct);

        // Then up to the sentinel the subscriber has at most 2 unacknowledged messages
        var unacknowledged = new Queue<ushort>();
        var delivered = new List<string>();
        await ReadUntilSentinelAsync(subscriber, unacknowledged, delivered, ct);
        Assert.InRange(unacknowledged.Count, 1, ReceiveMaximum);

        // And the held messages come as the subscriber acknowledges, until all 5 have come in their order
        while (delivered.Count < Messages)
        {
            await subscriber.PubAckAsync(unacknowledged.Dequeue(), ct);
            var publish = (await subscriber.ReadAsync(ct) ?? throw new InvalidDataException("The broker closed the connection.")).AsPublish();
            unacknowledged.Enqueue(publish.PacketId);
            delivered.Add(Encoding.UTF8.GetString(publish.Payload));
        }

        Assert.Equal(Enumerable.Range(1, Messages).Select(i => $"m{i}"), delivered);
    }

    /// <summary>Reads PUBLISH packets up to the QoS 0 sentinel, checking the number in flight at every one.</summary>
    private static async Task ReadUntilSentinelAsync(RawMqttClient subscriber, Queue<ushort> unacknowledged, List<string> delivered, CancellationToken ct)
    {
        while (true)
        {
            var publish = (await subscriber.ReadAsync(ct) ?? throw new InvalidDataException("The broker closed the connection.")).AsPublish();
            if (publish.QoS == 0)
            {
                return;
            }

            unacknowledged.Enqueue(publish.PacketId);
            delivered.Add(Encoding.UTF8.GetString(publish.Payload));
            Assert.True(unacknowledged.Count <= ReceiveMaximum, $"{unacknowledged.Count} unacknowledged messages in flight ({string.Join(", ", delivered)}), Receive Maximum {ReceiveMaximum}.");
        }
    }
}
