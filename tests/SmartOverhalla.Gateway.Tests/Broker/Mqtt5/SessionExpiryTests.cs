using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker.Mqtt5;

/// <summary>
/// A session with a Session Expiry Interval leaves the embedded broker when the interval has passed. MQTTnet 5.2 alone
/// only refuses to resume such a session; it keeps it (and goes on queueing messages for it) until the same client id
/// connects again, so the sessions of clients that never come back accumulated.
/// </summary>
public sealed class SessionExpiryTests(EmbeddedBrokerFixture fixture) : IClassFixture<EmbeddedBrokerFixture>
{
    [Fact]
    public async Task A_disconnected_session_is_removed_from_the_broker_when_its_interval_has_passed()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = fixture.Gateway.Services.GetRequiredService<EmbeddedBroker>().Server ?? throw new InvalidOperationException("The embedded broker is not running.");
        var metrics = fixture.Gateway.Services.GetRequiredService<BrokerMetrics>();
        var expiredBefore = metrics.SessionsExpiredTotal;
        var clientId = "expiry-" + Guid.NewGuid().ToString("N")[..10];

        // Given a client whose session is kept 2 s after it disconnects
        using (var client = new MqttClientFactory().CreateMqttClient())
        {
            await client.ConnectAsync(
                new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", fixture.BrokerPort).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                    .WithClientId(clientId).WithCleanStart(false).WithSessionExpiryInterval(2).Build(),
                ct);
            await client.SubscribeAsync("expiry/" + clientId, cancellationToken: ct);
            await client.DisconnectAsync(cancellationToken: ct);
        }

        // When it stays away, then its session is listed until the interval has passed, and then no longer
        Assert.Contains(clientId, (await server.GetSessionsAsync()).Select(s => s.Id));
        await Eventually.UntilAsync(
            async _ => !(await server.GetSessionsAsync()).Any(s => s.Id == clientId) && metrics.SessionsExpiredTotal > expiredBefore,
            TimeSpan.FromSeconds(15),
            "the expired session to be removed and counted",
            ct);
    }
}
