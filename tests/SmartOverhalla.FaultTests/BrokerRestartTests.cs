using SmartOverhalla.Testing;

namespace SmartOverhalla.FaultTests;

/// <summary>Issue #5, fault 3: Mosquitto (persistence on) restarts mid-stream on the same port and data dir.</summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    [Fact(Timeout = 150_000)]
    public async Task Mosquitto_restarted_mid_stream_loses_nothing_and_doubles_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await FaultRig.StartAsync(FaultScenario.Lights, ct);
        rig.Lights.StartStreaming(ct);
        await Eventually.UntilAsync(async c => await rig.StoredCountAsync(c) >= 300, FaultScenario.StepDeadline, "the first messages stored", ct);

        // When the broker restarts (it saves its persistence file on the way down)
        await rig.Mosquitto.RestartAsync(ct);
        var back = FaultScenario.Now();
        await Eventually.UntilAsync(() => rig.Worker.Occurrences("Subscribed to") >= 2, FaultScenario.StepDeadline, "the worker to subscribe again", ct);
        await FaultScenario.StreamMoreAsync(rig, 600, "after the broker is back", ct);

        // Then every message is in InfluxDB once
        await FaultScenario.FinishAsync(rig, "Mosquitto restarted", back, output, ct);
        Assert.True(rig.Worker.Occurrences("Lost the MQTT connection") >= 1, "the worker should have noticed the broker going away");
    }
}
