using SmartOverhalla.Testing;

namespace SmartOverhalla.FaultTests;

/// <summary>
/// Issue #5, fault 4: a burst of 10,000 messages while InfluxDB is down. Water meter readings follow the burst into the
/// spool, and must come out of it into their own retention policy (water_raw), the lights into the default one.
/// </summary>
public sealed class BurstWhileInfluxDownTests(ITestOutputHelper output)
{
    public const int Burst = 10_000;
    public const int Meters = 50;

    [Fact(Timeout = 180_000)]
    public async Task A_burst_of_10000_messages_while_InfluxDB_is_down_is_spooled_and_then_stored_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await FaultRig.StartAsync(FaultScenario.Lights, ct);
        await rig.Influx.StopAsync();

        // When 10,000 messages arrive at once
        await rig.Lights.BurstAsync(Burst, concurrency: 50, ct);
        Assert.Equal(Burst, rig.Lights.Sent);
        await Eventually.UntilAsync(
            () => rig.SpooledPointsOnDisk() >= Burst, TimeSpan.FromSeconds(60), $"all {Burst} messages acknowledged from the spool", ct);
        var spooled = rig.SpooledPointsOnDisk();

        // And 50 water readings after them
        await WaterReadings.PublishAsync(rig, Meters, TimeProvider.System.GetUtcNow().AddMinutes(-5), ct);
        await Eventually.UntilAsync(
            () => rig.SpooledPointsOnDisk() >= Burst + Meters, TimeSpan.FromSeconds(60), $"the {Meters} readings acknowledged from the spool", ct);
        await rig.Influx.StartAgainAsync(ct);
        var back = FaultScenario.Now();
        var replayed = await FaultScenario.WaitForEmptySpoolAsync(rig, back, ct);

        // Then they are all in InfluxDB once, and the spool is empty again
        output.WriteLine($"{spooled} points in the spool before InfluxDB came back, replayed in {replayed.TotalSeconds:0.0} s");
        await FaultScenario.FinishAsync(rig, "burst of 10,000 while InfluxDB is down", back, output, ct);
        Assert.Equal(Burst, spooled);

        // And the readings came out of the spool into water_raw, none into the default policy
        Assert.Equal(Enumerable.Range(0, Meters).Select(WaterReadings.DeviceId), await WaterReadings.StoredMetersAsync(rig, WaterReadings.Policy, ct));
        Assert.Empty(await WaterReadings.StoredMetersAsync(rig, "autogen", ct));
    }
}
