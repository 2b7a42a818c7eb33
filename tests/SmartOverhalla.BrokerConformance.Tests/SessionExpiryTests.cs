using SmartOverhalla.BrokerConformance.Tests.Brokers;
using SmartOverhalla.Testing.MqttWire;
using SmartOverhalla.Testing;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// Session Expiry Interval (MQTT 5.0 §3.1.2.11.2): absent or 0, the session ends when the network connection closes;
/// above 0, the broker keeps it that long and then ends it. MQTTnet 5.2 alone keeps every session with an interval above
/// 0 for ever, so such sessions accumulated; the embedded broker now ends them itself.
/// </summary>
public sealed class SessionExpiryTests(ConformanceBrokers brokers)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_session_with_expiry_0_is_gone_once_its_connection_has_closed(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var clientId = ConformanceNames.ClientId("expiry0");

        // Given a client that connected without clean start and without a session expiry, subscribed, and disconnected
        await SubscribeAndLeaveAsync(broker, clientId, expiry: 0, ct);

        // When it connects again asking to resume its session, then the broker has none
        // (asked until the broker has handled the close; every attempt ends its session with expiry 0 again)
        await Eventually.UntilAsync(async c => !await SessionPresentAsync(broker, clientId, expiry: 0, c), Deadline, "the session with expiry 0 to be gone", ct);
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_session_with_expiry_is_kept_after_its_connection_closed(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var clientId = ConformanceNames.ClientId("expiry60");

        // Given a client whose session expires 60 s after it disconnects
        await SubscribeAndLeaveAsync(broker, clientId, expiry: 60, ct);

        // When it connects again within that time, then its session is there (and ended now: expiry 0 at this connect)
        Assert.True(await SessionPresentAsync(broker, clientId, expiry: 0, ct), "the session with 60 s expiry should still be there");
    }

    [Theory]
    [InlineData(BrokerKind.Embedded)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task A_session_with_expiry_is_gone_once_its_interval_has_passed(BrokerKind broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var clientId = ConformanceNames.ClientId("expiry1");
        var expiry = TimeSpan.FromSeconds(1);

        // Given a client whose session expires 1 s after it disconnects
        await SubscribeAndLeaveAsync(broker, clientId, (uint)expiry.TotalSeconds, ct);

        // When it connects again after that time, then the broker has no session for it
        await IntervalUnderTest.PassAsync(expiry, ct);
        Assert.False(await SessionPresentAsync(broker, clientId, expiry: 0, ct), "the session should have expired");
    }

    /// <summary>Connects without clean start with <paramref name="expiry"/> (0: none given), reads the session-present flag, disconnects.</summary>
    private async Task<bool> SessionPresentAsync(BrokerKind broker, string clientId, uint expiry, CancellationToken ct)
    {
        await using var client = await RawMqttClient.OpenAsync(brokers.PortOf(broker), ct);
        var connAck = await ResumeAsync(client, clientId, expiry, ct);
        await client.DisconnectAsync(ct);
        await client.WaitForCloseAsync(ct);
        return connAck.SessionPresent;
    }

    /// <summary>Connects without clean start with <paramref name="expiry"/> (0: none given), subscribes at QoS 1, disconnects.</summary>
    private async Task SubscribeAndLeaveAsync(BrokerKind broker, string clientId, uint expiry, CancellationToken ct)
    {
        await using var client = await RawMqttClient.OpenAsync(brokers.PortOf(broker), ct);
        await ResumeAsync(client, clientId, expiry, ct);
        Assert.Equal([0x01], (await client.SubscribeAsync(1, ConformanceNames.Topic(), 1, ct)).ReasonCodes);
        await client.DisconnectAsync(ct);
        await client.WaitForCloseAsync(ct);
    }

    private static async Task<ConnAck> ResumeAsync(RawMqttClient client, string clientId, uint expiry, CancellationToken ct)
    {
        var connAck = expiry == 0 ? await client.ResumeAsync(clientId, ct) : await client.ResumeAsync(clientId, ct, (PropertyId.SessionExpiryInterval, expiry));
        Assert.Equal(0x00, connAck.ReasonCode);
        return connAck;
    }
}
