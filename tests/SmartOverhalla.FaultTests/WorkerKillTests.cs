using SmartOverhalla.Testing;

namespace SmartOverhalla.FaultTests;

/// <summary>Issue #5, fault 2: the ingestion process is killed (SIGKILL) mid-stream and started again.</summary>
public sealed class WorkerKillTests(ITestOutputHelper output)
{
    [Fact(Timeout = 150_000)]
    public async Task The_worker_killed_mid_stream_and_started_again_loses_nothing_and_doubles_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await FaultRig.StartAsync(FaultScenario.Lights, ct);
        rig.Lights.StartStreaming(ct);
        await Eventually.UntilAsync(async c => await rig.StoredCountAsync(c) >= 300, FaultScenario.StepDeadline, "the first messages stored", ct);

        // When the worker is killed, the lights go on, and the worker starts again
        // (1,500 while it is away: more than Mosquitto's default max_queued_messages of 1,000, which the
        // shipped config lifts; with the default the broker would drop the rest.)
        await rig.Worker.KillAsync();
        await FaultScenario.StreamMoreAsync(rig, 1_500, "while the worker is dead", ct);
        await rig.Worker.StartAsync(ct);
        var back = FaultScenario.Now();
        await FaultScenario.StreamMoreAsync(rig, 600, "after the worker is back", ct);

        // Then every message is in InfluxDB once
        await FaultScenario.FinishAsync(rig, "worker killed (SIGKILL)", back, output, ct);
    }

    [Fact(Timeout = 150_000)]
    public async Task The_worker_killed_while_spooling_replays_its_spool_after_the_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await FaultRig.StartAsync(FaultScenario.Lights, ct);
        rig.Lights.StartStreaming(ct);
        await Eventually.UntilAsync(async c => await rig.StoredCountAsync(c) >= 200, FaultScenario.StepDeadline, "the first messages stored", ct);
        await rig.Influx.StopAsync();
        await Eventually.UntilAsync(() => rig.SpooledPointsOnDisk() >= 1_000, FaultScenario.StepDeadline, "1,000 points in the spool", ct);

        // When the worker is killed while its spool holds acknowledged messages, and starts again with InfluxDB still away
        await rig.Worker.KillAsync();
        var spooledAtKill = rig.SpooledPointsOnDisk();
        await FaultScenario.StreamMoreAsync(rig, 400, "while the worker is dead", ct);
        await rig.Worker.StartAsync(ct);
        await FaultScenario.StreamMoreAsync(rig, 400, "after the worker is back, InfluxDB still away", ct);
        var spooledAtRestart = rig.SpooledPointsOnDisk();
        await rig.Influx.StartAgainAsync(ct);
        var back = FaultScenario.Now();
        var replayed = await FaultScenario.WaitForEmptySpoolAsync(rig, back, ct);
        await FaultScenario.StreamMoreAsync(rig, 400, "after InfluxDB is back", ct);

        // Then the spool written before the crash is replayed, and every message is in InfluxDB once
        output.WriteLine($"{spooledAtKill} points were in the spool when the worker was killed, {spooledAtRestart} when InfluxDB came back; replayed in {replayed.TotalSeconds:0.0} s");
        await FaultScenario.FinishAsync(rig, "worker killed while spooling", back, output, ct);
        Assert.True(rig.Worker.Occurrences("from before the restart; replaying them first") >= 1, "the restarted worker should report the spool it found");
    }
}
