using SmartOverhalla.Testing;

namespace SmartOverhalla.FaultTests;

/// <summary>
/// The spool's bound: past its alarm level the worker warns, when full it stops acknowledging, and the broker
/// keeps what the spool cannot take — nothing is lost, and it all arrives once InfluxDB is back.
/// </summary>
public sealed class SpoolFullTests(ITestOutputHelper output)
{
    /// <summary>The smallest spool the options allow (1 MiB): about 6,000 telemetry points.</summary>
    private const long SpoolBytes = 1L << 20;
    private const int Burst = 10_000;

    [Fact(Timeout = 180_000)]
    public async Task A_full_spool_stops_acknowledgements_and_the_broker_keeps_the_rest_until_InfluxDB_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await FaultRig.StartAsync(FaultScenario.Lights, ct, new Dictionary<string, string>
        {
            ["Ingestion__Spool__MaxBytes"] = SpoolBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingestion__Spool__SegmentBytes"] = "65536",
            ["Ingestion__Spool__FullRetryDelay"] = "00:00:00.200",
        });
        await rig.Influx.StopAsync();

        // When more arrives than the spool can hold
        await rig.Lights.BurstAsync(Burst, concurrency: 50, ct);
        await Eventually.UntilAsync(() => rig.Worker.Occurrences(" is full (") >= 1, FaultScenario.StepDeadline, "the worker to report the spool full", ct);
        var spooled = rig.SpooledPointsOnDisk();

        // Then the alarm came first, the spool stayed within its bound, and the rest waited at the broker
        Assert.True(rig.Worker.Occurrences("Spool alarm:") >= 1, "the alarm should come before the spool is full");
        Assert.InRange(spooled, 1, Burst - 1);
        Assert.True(SpoolBytesOnDisk(rig) <= SpoolBytes, $"the spool holds {SpoolBytesOnDisk(rig)} bytes, over its bound of {SpoolBytes}");
        output.WriteLine($"spool full at {spooled} points ({SpoolBytesOnDisk(rig)} bytes of {SpoolBytes}); {Burst - spooled} messages waited at the broker");

        await rig.Influx.StartAgainAsync(ct);
        var back = FaultScenario.Now();
        var replayed = await FaultScenario.WaitForEmptySpoolAsync(rig, back, ct);
        output.WriteLine($"spool replayed in {replayed.TotalSeconds:0.0} s");
        await FaultScenario.FinishAsync(rig, "burst of 10,000 into a 1 MiB spool", back, output, ct);
    }

    private static long SpoolBytesOnDisk(FaultRig rig) =>
        Directory.GetFiles(rig.Worker.SpoolDirectory, "segment-*.seg").Sum(f => new FileInfo(f).Length);
}
