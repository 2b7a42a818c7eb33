using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// The client's Maximum Packet Size (MQTT 5.0 §3.1.2.11.4): the broker must not send a larger packet; it discards the
/// message and behaves as if it had completed sending it, so the message does not come after a reconnect either.
/// </summary>
public sealed class MaximumPacketSizeTests(ConformanceBrokers brokers)
{
    private const uint MaximumPacketSize = 200;

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_message_larger_than_the_clients_maximum_is_discarded_and_not_sent_later(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var topic = ConformanceNames.Topic();
        var clientId = ConformanceNames.ClientId("mps");

        // Given a subscriber at QoS 1 whose packets may be at most 200 bytes, with a session that outlives its connection
        await using (var subscriber = await RawMqttClient.OpenAsync(port, ct))
        {
            var connAck = await subscriber.ConnectAsync(clientId, ct, (PropertyId.MaximumPacketSize, MaximumPacketSize), (PropertyId.SessionExpiryInterval, 60));
            Assert.Equal(0x00, connAck.ReasonCode);
            Assert.Equal([0x01], (await subscriber.SubscribeAsync(1, topic, 1, ct)).ReasonCodes);

            // When a 1,000-byte message and then a small one are published to it
            await Publishing.PublishAsync(port, topic, ct, new string('x', 1000), "small");

            // Then the small one is the first it gets
            var first = await subscriber.NextPublishAsync(ct);
            Assert.Equal("small", first.Text());
            await subscriber.PubAckAsync(first.PacketId, ct);
            await subscriber.DisconnectAsync(ct);
            await subscriber.WaitForCloseAsync(ct);
        }

        // And when it resumes its session without a maximum, the large one does not come (it counts as sent), the next one does
        await using var resumed = await RawMqttClient.OpenAsync(port, ct);
        var resumedAck = await resumed.ResumeAsync(clientId, ct);
        Assert.True(resumedAck.SessionPresent);
        await Publishing.PublishAsync(port, topic, ct, "after");
        Assert.Equal("after", (await resumed.NextPublishAsync(ct)).Text());
    }
}
