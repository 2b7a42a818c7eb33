using System.Text;
using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>Topic Alias Maximum in CONNACK (MQTT 5.0 §3.2.2.3.8) and topic aliases in PUBLISH (§3.3.2.3.4).</summary>
public sealed class TopicAliasTests(ConformanceBrokers brokers)
{
    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task The_broker_accepts_topic_aliases_up_to_the_maximum_its_CONNACK_advertises_and_none_when_it_advertises_none(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var topic = ConformanceNames.Topic();

        // Given a subscriber to the topic and a publisher that has read the broker's CONNACK
        await using var subscriber = await RawMqttClient.OpenAsync(port, ct);
        Assert.Equal(0x00, (await subscriber.ConnectAsync(ConformanceNames.ClientId("sub"), ct)).ReasonCode);
        Assert.Equal([0x01], (await subscriber.SubscribeAsync(1, topic, 1, ct)).ReasonCodes);
        await using var publisher = await RawMqttClient.OpenAsync(port, ct);
        var connAck = await publisher.ConnectAsync(ConformanceNames.ClientId("pub"), ct);
        Assert.Equal(0x00, connAck.ReasonCode);

        // Absent means 0: the broker accepts no topic alias (§3.2.2.3.8).
        var maximum = connAck.Properties.Number(PropertyId.TopicAliasMaximum) ?? 0;
        if (broker == BrokerKind.Embedded)
        {
            // The embedded broker takes no aliases: MQTTnet would keep every alias a client sends, with no bound.
            Assert.Equal(0u, maximum);
        }

        if (maximum == 0)
        {
            // When a client uses one anyway, the broker ends the connection, with 0x94 Topic Alias invalid if it says why.
            await publisher.PublishAsync(topic, 1, 1, "aliased"u8.ToArray(), ct, (PropertyId.TopicAlias, 1));
            var answer = await publisher.ReadAsync(ct);
            Assert.True(answer is null || (answer.Type == PacketType.Disconnect && answer.AsDisconnect().ReasonCode == 0x94), $"Expected the connection closed or DISCONNECT 0x94, got {answer}.");
            return;
        }

        // When it advertises some, the highest it advertises works: set with the topic, then used with an empty topic.
        var alias = (ushort)maximum;
        await publisher.PublishAsync(topic, 1, 1, "first"u8.ToArray(), ct, (PropertyId.TopicAlias, alias));
        Assert.Equal(new PubAck(1, 0x00), (await publisher.ReadAsync(ct))?.AsPubAck());
        await publisher.PublishAsync(string.Empty, 1, 2, "second"u8.ToArray(), ct, (PropertyId.TopicAlias, alias));
        Assert.Equal(new PubAck(2, 0x00), (await publisher.ReadAsync(ct))?.AsPubAck());

        // Then the subscriber gets both under the topic's name
        var first = (await subscriber.ReadAsync(ct))?.AsPublish();
        var second = (await subscriber.ReadAsync(ct))?.AsPublish();
        Assert.Equal((topic, "first"), (first?.Topic, Encoding.UTF8.GetString(first?.Payload ?? [])));
        Assert.Equal((topic, "second"), (second?.Topic, Encoding.UTF8.GetString(second?.Payload ?? [])));
    }
}
