using System.Text;
using MQTTnet;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class RealServerFixtureTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task The_fixture_starts_a_real_InfluxDB_that_answers_ping()
    {
        Assert.True(await influx.Server.IsReadyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_fixture_starts_a_real_Mosquitto_that_delivers_a_QoS1_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = new MqttClientFactory();
        using var subscriber = factory.CreateMqttClient();
        using var publisher = factory.CreateMqttClient();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        var topic = $"smartcity/v1/{TestNames.Municipality()}/streetlight/l1/telemetry";
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Server.Host, mosquitto.Server.Port).Build(), ct);
        await subscriber.SubscribeAsync(topic, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, ct);
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Server.Host, mosquitto.Server.Port).Build(), ct);

        await publisher.PublishStringAsync(topic, "hello", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);

        Assert.Equal("hello", await received.Task.WaitAsync(TimeSpan.FromSeconds(10), ct));
    }
}
