using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

public sealed class EmbeddedBrokerTests(EmbeddedBrokerFixture fixture) : IClassFixture<EmbeddedBrokerFixture>
{
    private static string Topic(string municipality, string device, string message) =>
        $"smartcity/v1/{municipality}/streetlight/{device}/{message}";

    [Fact]
    public async Task Given_two_MQTT5_clients_when_one_publishes_at_QoS1_then_the_subscribed_one_receives_the_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = Topic(TestNames.Municipality(), "l1", "telemetry");
        await using var subscriber = MqttTestClient.Clean(fixture.BrokerPort);
        await using var publisher = MqttTestClient.Clean(fixture.BrokerPort);
        await subscriber.ConnectAsync(ct);
        await subscriber.Client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, ct);
        await publisher.ConnectAsync(ct);

        var result = await publisher.Client.PublishStringAsync(topic, "{\"dimLevel\":40}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        var message = Assert.Single(await subscriber.ReceiveAsync(1, ct));
        Assert.Equal(topic, message.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.Equal("{\"dimLevel\":40}", message.ConvertPayloadToString());
        fixture.Gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Given_a_retained_status_message_when_a_client_subscribes_later_then_it_receives_the_retained_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = Topic(TestNames.Municipality(), "l2", "status");
        await using (var device = MqttTestClient.Clean(fixture.BrokerPort))
        {
            await device.ConnectAsync(ct);
            await device.Client.PublishStringAsync(topic, "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken: ct);
        }

        await using var lateSubscriber = MqttTestClient.Clean(fixture.BrokerPort);
        await lateSubscriber.ConnectAsync(ct);
        await lateSubscriber.Client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, ct);

        var message = Assert.Single(await lateSubscriber.ReceiveAsync(1, ct));
        Assert.True(message.Retain);
        Assert.Equal("online", message.ConvertPayloadToString());
        fixture.Gateway.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData(3)]
    // More than MQTTnet's default queue of 250 per client, which would drop the oldest (Broker:Embedded:MaxPendingMessagesPerClient).
    [InlineData(1000)]
    public async Task Given_a_persistent_session_subscriber_that_went_away_when_it_reconnects_then_it_gets_every_QoS1_message_published_meanwhile(int count)
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var clientId = "ingestion-" + municipality;
        await using (var ingestion = MqttTestClient.Persistent(fixture.BrokerPort, clientId))
        {
            var first = await ingestion.ConnectAsync(ct);
            Assert.False(first.IsSessionPresent);
            await ingestion.Client.SubscribeAsync($"smartcity/v1/{municipality}/+/+/telemetry", MqttQualityOfServiceLevel.AtLeastOnce, ct);
            await ingestion.DisconnectAsync(ct);
        }

        await WaitUntilBrokerSawDisconnectAsync(clientId, ct);

        await using (var device = MqttTestClient.Clean(fixture.BrokerPort))
        {
            await device.ConnectAsync(ct);
            for (var i = 0; i < count; i++)
            {
                var published = await device.Client.PublishStringAsync(Topic(municipality, "l3", "telemetry"), i.ToString(System.Globalization.CultureInfo.InvariantCulture), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);

                // Success (not "no matching subscribers") shows the broker kept the absent subscriber's session.
                Assert.Equal(MqttClientPublishReasonCode.Success, published.ReasonCode);
            }
        }

        await using var reconnected = MqttTestClient.Persistent(fixture.BrokerPort, clientId);
        var second = await reconnected.ConnectAsync(ct);

        Assert.True(second.IsSessionPresent);
        var payloads = (await reconnected.ReceiveAsync(count, ct)).Select(m => m.ConvertPayloadToString()).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), payloads);
        fixture.Gateway.AssertNoUnexpectedErrors();
    }

    /// <summary>The broker logs each disconnect; waiting for it makes sure the messages are published while the client is away.</summary>
    private Task WaitUntilBrokerSawDisconnectAsync(string clientId, CancellationToken ct) =>
        Eventually.UntilAsync(
            () => fixture.Gateway.Logs.GetSnapshot().Any(r => r.Message.Contains($"MQTT client {clientId} disconnected", StringComparison.Ordinal)),
            MqttTestClient.Deadline,
            $"the broker to see {clientId} disconnect",
            ct);
}
