using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// The embedded broker's per-client publish limit against a real flood: one client trying 1,000 messages a second
/// beside 20 devices at one a second, through the gateway's own broker on a loopback port.
/// </summary>
public sealed class FloodTests
{
    private const int NormalDevices = 20;
    private const int Seconds = 5;

    /// <summary>The stated bound: under the flood the normal devices' p99 end-to-end latency stays below this.</summary>
    private static readonly TimeSpan LatencyBound = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_client_flooding_at_1000_messages_a_second_is_throttled_then_disconnected_and_twenty_normal_devices_keep_their_latency()
    {
        var ct = TestContext.Current.CancellationToken;
        using var overallTimer = new CancellationTokenSource(TimeSpan.FromMinutes(2), TimeProvider.System);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct, overallTimer.Token);
        var brokerPort = FreeTcpPort.Next();
        await using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "Embedded",
            ["Broker:Embedded:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
            ["Broker:Embedded:PublishRateLimit:Enabled"] = "true",
            ["Broker:Embedded:PublishRateLimit:SustainedPerSecond"] = "20",
            ["Broker:Embedded:PublishRateLimit:Burst"] = "100",
            ["Broker:Embedded:PublishRateLimit:DisconnectAfter"] = "00:00:03",
        }).Start();
        var metrics = gateway.Services.GetRequiredService<BrokerMetrics>();
        var municipality = TestNames.Municipality();
        await using var load = new FloodLoad(brokerPort, municipality);
        await load.SubscribeAsync(overall.Token);
        var devices = Enumerable.Range(0, NormalDevices).Select(i => "l" + i).ToList();

        // Given a baseline: 20 devices at 1 message/s, no flood
        var baselineAcked = await load.RunNormalDevicesAsync(devices, Seconds, firstSeq: 0, overall.Token);

        // When one client tries 1,000 messages/s for 5 s while the same devices go on
        var normal = load.RunNormalDevicesAsync(devices, Seconds, firstSeq: 1_000, overall.Token);
        var flood = await load.RunFlooderAsync("flooder", 1_000, Seconds, overall.Token);
        var floodAcked = await normal;

        // Then every normal message is delivered
        Assert.Equal(NormalDevices * Seconds, baselineAcked);
        Assert.Equal(NormalDevices * Seconds, floodAcked);
        await Eventually.UntilAsync(
            () => load.Received.Keys.Count(k => k.Device != "flooder") == 2 * NormalDevices * Seconds && flood.Acknowledged.All(seq => load.Received.ContainsKey(("flooder", seq))),
            TimeSpan.FromSeconds(30),
            "every normal message and every publish the flooder had acknowledged",
            overall.Token);

        // And their latency under the flood stays within the bound
        var baseline = FloodLoad.Percentiles(load.Received.Where(r => r.Key.Device != "flooder" && r.Key.Seq < 1_000).Select(r => r.Value));
        var flooded = FloodLoad.Percentiles(load.Received.Where(r => r.Key.Device != "flooder" && r.Key.Seq >= 1_000).Select(r => r.Value));
        var flooderDelivered = load.Received.Keys.Count(k => k.Device == "flooder");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"normal devices latency ms: baseline p50 {baseline.P50:0.0} p99 {baseline.P99:0.0} max {baseline.Max:0.0}; under flood p50 {flooded.P50:0.0} p99 {flooded.P99:0.0} max {flooded.Max:0.0}. " +
            $"Flooder: {flood.Attempted} attempted in {flood.SendingTime.TotalSeconds:0.0} s, {flood.Acknowledged.Count} acknowledged, {flooderDelivered} delivered, {flood.Refused} refused, disconnect {flood.DisconnectReason}; " +
            $"broker: {metrics.ThrottledTotal} throttled, {metrics.FloodEpisodesTotal} episodes, {metrics.FloodDisconnectsTotal} disconnects"));
        Assert.True(flooded.P99 < LatencyBound.TotalMilliseconds, $"p99 under flood {flooded.P99:0.0} ms exceeds {LatencyBound.TotalMilliseconds} ms");

        // And the flooder got no more than its budget through (burst + sustained rate over the time until the disconnect)
        Assert.InRange(flood.Acknowledged.Count, 100, 100 + (20 * 4) + 5);
        Assert.Equal(flood.Acknowledged.Count, flooderDelivered);

        // And it was throttled, then disconnected once, each logged once
        Assert.True(metrics.ThrottledTotal > 0);
        Assert.Equal(1, metrics.FloodEpisodesTotal);
        Assert.Equal(1, metrics.FloodDisconnectsTotal);
        Assert.NotNull(flood.DisconnectReason);
        Assert.True(flood.Refused > 0);
        var records = gateway.Logs.GetSnapshot();
        Assert.Single(records, r => r.Id.Id == 1016);
        Assert.Single(records, r => r.Id.Id == 1017);
        gateway.AssertNoUnexpectedErrors();
    }
}
