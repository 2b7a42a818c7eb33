using System.Diagnostics;
using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// Will messages (MQTT 5.0 §3.1.2.5) and their Will Delay Interval (§3.1.3.2.2): the will is published when the delay
/// has passed after the connection ended (or the session ended, if sooner), not when a new connection to the session was
/// made in time; a DISCONNECT with reason 0x04 asks for the will.
/// </summary>
public sealed class WillDelayTests(ConformanceBrokers brokers)
{
    private static readonly TimeSpan WillDelay = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_will_with_a_delay_is_published_when_the_delay_has_passed(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var willTopic = ConformanceNames.Topic();
        await using var watcher = await WatchAsync(port, willTopic, ct);

        // Given a client with a will delayed 3 s and a session kept 60 s
        var client = await ConnectWithWillAsync(port, ConformanceNames.ClientId("will"), willTopic, WillDelay, ct);

        // When its connection breaks (no DISCONNECT)
        var broken = Stopwatch.StartNew();
        await client.DisposeAsync();

        // Then the will comes, and not before the delay (less Mosquitto's clock step, as it counts whole seconds)
        Assert.Equal("gone", (await watcher.NextPublishAsync(ct)).Text());
        Assert.True(broken.Elapsed >= WillDelay - IntervalUnderTest.ClockStep, $"The will came {broken.Elapsed.TotalSeconds:0.0} s after the connection broke; its delay is {WillDelay.TotalSeconds} s.");
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_delayed_will_is_not_published_when_the_client_resumes_its_session_in_time(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var willTopic = ConformanceNames.Topic();
        var clientId = ConformanceNames.ClientId("will");
        await using var watcher = await WatchAsync(port, willTopic, ct);

        // Given a client with a will delayed 3 s whose connection broke
        await (await ConnectWithWillAsync(port, clientId, willTopic, WillDelay, ct)).DisposeAsync();

        // When it resumes its session at once, and the delay passes
        await using var resumed = await RawMqttClient.OpenAsync(port, ct);
        Assert.True((await resumed.ResumeAsync(clientId, ct, (PropertyId.SessionExpiryInterval, 60))).SessionPresent);
        await IntervalUnderTest.PassAsync(WillDelay, ct);

        // Then no will was published: the first message on the topic is one published after the delay
        await Publishing.PublishAsync(port, willTopic, ct, "after-the-delay");
        Assert.Equal("after-the-delay", (await watcher.NextPublishAsync(ct)).Text());
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_DISCONNECT_with_reason_0x04_publishes_the_will(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var port = brokers.PortOf(broker);
        var willTopic = ConformanceNames.Topic();
        await using var watcher = await WatchAsync(port, willTopic, ct);

        // Given a client with a will without delay
        await using var client = await ConnectWithWillAsync(port, ConformanceNames.ClientId("will"), willTopic, TimeSpan.Zero, ct);

        // When it disconnects with 0x04 Disconnect with Will Message, then the will comes
        await client.DisconnectAsync(0x04, ct);
        Assert.Equal("gone", (await watcher.NextPublishAsync(ct)).Text());
    }

    private static async Task<RawMqttClient> WatchAsync(int port, string topic, CancellationToken ct)
    {
        var watcher = await RawMqttClient.OpenAsync(port, ct);
        try
        {
            Assert.Equal(0x00, (await watcher.ConnectAsync(ConformanceNames.ClientId("watch"), ct)).ReasonCode);
            Assert.Equal([0x00], (await watcher.SubscribeAsync(1, topic, 0, ct)).ReasonCodes);
            return watcher;
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }
    }

    private static async Task<RawMqttClient> ConnectWithWillAsync(int port, string clientId, string willTopic, TimeSpan delay, CancellationToken ct)
    {
        var client = await RawMqttClient.OpenAsync(port, ct);
        try
        {
            var connAck = await client.ConnectWithWillAsync(
                clientId, willTopic, "gone"u8.ToArray(), [(PropertyId.WillDelayInterval, (uint)delay.TotalSeconds)], ct, (PropertyId.SessionExpiryInterval, 60));
            Assert.Equal(0x00, connAck.ReasonCode);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}
