using System.Diagnostics;
using SmartOverhalla.Testing;

namespace SmartOverhalla.FaultTests;

/// <summary>Issue #5, fault 1: InfluxDB stops for 60 s while the lights stream, and starts again on the same data.</summary>
public sealed class InfluxOutageTests(ITestOutputHelper output)
{
    /// <summary>The outage the issue asks for.</summary>
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 240_000)]
    public async Task InfluxDB_stopped_for_60_seconds_while_lights_stream_loses_nothing_and_doubles_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await FaultRig.StartAsync(FaultScenario.Lights, ct);
        rig.Lights.StartStreaming(ct);
        await Eventually.UntilAsync(async c => await rig.StoredCountAsync(c) >= 200, FaultScenario.StepDeadline, "the first messages stored", ct);

        // When InfluxDB is away for 60 s
        await rig.Influx.StopAsync();
        var stopped = Stopwatch.GetTimestamp();
        var sentAtStop = rig.Lights.Sent;
        await Eventually.UntilAsync(() => rig.SpooledPointsOnDisk() > 0, FaultScenario.StepDeadline, "the worker to spool", ct);
        var rest = Outage - Stopwatch.GetElapsedTime(stopped);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, ct); // The outage itself, not a wait for a condition.
        }

        var spooledAtRestart = rig.SpooledPointsOnDisk();
        var sentInOutage = rig.Lights.Sent - sentAtStop;
        await rig.Influx.StartAgainAsync(ct);
        var back = FaultScenario.Now();
        var replayed = await FaultScenario.WaitForEmptySpoolAsync(rig, back, ct);
        await FaultScenario.StreamMoreAsync(rig, 1_000, "after InfluxDB is back", ct);

        // Then every message is in InfluxDB once, and the spool carried the outage
        output.WriteLine($"outage {Outage.TotalSeconds:0} s: {sentInOutage} messages sent meanwhile, {spooledAtRestart} points in the spool when InfluxDB came back, replayed in {replayed.TotalSeconds:0.0} s (lights streaming on)");
        await FaultScenario.FinishAsync(rig, "InfluxDB stopped for 60 s", back, output, ct);
        Assert.True(
            spooledAtRestart >= sentInOutage * 8 / 10,
            $"the spool held {spooledAtRestart} points for {sentInOutage} messages sent during the outage: the worker should acknowledge from the spool, not leave them at the broker");
    }
}
