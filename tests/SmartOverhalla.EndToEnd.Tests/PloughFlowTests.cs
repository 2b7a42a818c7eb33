using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Ploughing;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DerivedSeries.Ploughing;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// Ploughing from GPS fixes to passes and kilometres on the real analytics host and a real InfluxDB: three simulated
/// ploughs drive a shift over the synthetic network (the simulator's planner and plough model, with U-turns and a dead
/// end), their fixes are stored as the ingestion worker maps plough telemetry, and the host's map matching job runs over
/// the day (its backfill runner). Two minutes of one plough's fixes come late (buffered during a dropout), after the day
/// was matched; the day is matched again. What it writes then must give the simulator's ground truth: the segments
/// ploughed and each plough's kilometres with the plough down within 2 %, with no pass left over from the first match;
/// and the road status job, run over the day after it, the plough that last ploughed each segment.
/// </summary>
public sealed class PloughFlowTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_simulated_shift_yields_the_simulators_ploughed_segments_and_plough_down_kilometres_within_2_percent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        await platform.Influx.Schema.EnsureDatabaseAsync(ct);

        // Given three ploughs' shift on a January morning, stored as plough telemetry of the platform's municipality
        var network = SyntheticRoads.Load();
        var graph = new RoadGraph(network);
        var start = new DateTimeOffset(2026, 1, 20, 5, 0, 0, TimeSpan.Zero);
        var truths = new Dictionary<string, ShiftTruth>(StringComparer.Ordinal);
        var late = new List<SmartOverhalla.Influx.PointData>();
        for (var i = 0; i < SyntheticShifts.Shares.Count; i++)
        {
            var vehicle = $"plough-{i + 1}";
            var legs = ShiftPlanner.Plan(graph, SyntheticShifts.Depot(network, graph), SyntheticShifts.Share(network, i), new Random(40 + i), uTurnChance: 0.3);
            var clock = new VirtualClock(start);
            var model = new ShiftPloughModel(vehicle, 40 + i, clock, new ShiftDrive(legs));
            var fixes = SyntheticShifts.Record(model, clock, Interval, start.AddHours(6));
            Assert.True(model.ShiftDone);
            var topic = new DeviceTopic(platform.Municipality, DeviceKind.Plough, vehicle, MessageType.Telemetry);
            // plough-1's fixes of 2 minutes are held back by its buffer, from 150 s after it lowered its plough first (on
            // the long county road: the first match cuts a pass there in two)
            var heldFrom = fixes.First(f => f.PloughDown).Ts.AddSeconds(150);
            bool Held(DateTimeOffset t) => i == 0 && t >= heldFrom && t < heldFrom.AddMinutes(2);
            await platform.Influx.Writer.WriteAsync([.. fixes.Where(f => !Held(f.Ts)).Select(f => PointMapper.Map(topic, f))], ct);
            late.AddRange(fixes.Where(f => Held(f.Ts)).Select(f => PointMapper.Map(topic, f)));
            truths[vehicle] = model.Truth;
        }

        // When the analytics host's map matching job computes that day
        var analytics = await platform.StartAnalyticsAsync(
            new Dictionary<string, string?>
            {
                ["Analytics:Jobs:LightingSavings:Enabled"] = "false",
                ["Analytics:Jobs:WaterConsumption:Enabled"] = "false",
                ["Analytics:Jobs:WaterLeaks:Enabled"] = "false",
                ["Ploughing:Municipality"] = platform.Municipality,
            },
            _ => { },
            ct);
        var day = LocalDay.At(start);
        var backfill = analytics.Services.GetRequiredService<BackfillRunner>();
        var request = new BackfillRequest([PloughMatchingJob.JobName], day.Date, day.Date, []);
        Assert.Equal(0, (await backfill.RunAsync(request, _ => { }, ct)).Failed);
        var ploughSeries = analytics.Services.GetRequiredService<PloughSeries>();
        var before = await ploughSeries.ReadPassesAsync(platform.Municipality, network, day.Start, day.End, ct);

        // And again when the late fixes have come
        Assert.NotEmpty(late);
        await platform.Influx.Writer.WriteAsync(late, ct);
        Assert.Equal(0, (await backfill.RunAsync(request, _ => { }, ct)).Failed);

        // Then each plough's kilometres with the plough down, summed over the day, are within 2 % of what it drove
        var kilometres = await platform.Influx.RowsAsync(
            $"SELECT sum(\"ploughDownKm\") AS \"down\", sum(\"transportKm\") AS \"transport\" FROM \"{PloughSeries.DistanceMeasurement}\" " +
            $"WHERE \"municipality\" = '{platform.Municipality}' GROUP BY \"device\"",
            ct);
        Assert.Equal(truths.Keys.Order(StringComparer.Ordinal), kilometres.Select(k => k.Series.Tags["device"]).Order(StringComparer.Ordinal));
        foreach (var (series, row) in kilometres)
        {
            var truth = truths[series.Tags["device"]];
            var down = series.GetDouble(row, "down")!.Value * 1000;
            Assert.True(Math.Abs(down - truth.PloughDownMetres) <= 0.02 * truth.PloughDownMetres, $"{series.Tags["device"]}: {down:0} m plough down stored, {truth.PloughDownMetres:0} m driven");
            Assert.True(series.GetDouble(row, "transport") > 0, $"{series.Tags["device"]} drove no transport");
        }

        // And the passes it stored make the segments ploughed that the simulator cleared, no more, no fewer; the late fixes
        // changed plough-1's passes, and none of the first match's is left beside the new ones (no two passes of one
        // vehicle overlap in time)
        var passes = await ploughSeries.ReadPassesAsync(platform.Municipality, network, day.Start, day.End, ct);
        Assert.NotEqual(Describe(before.Where(p => p.VehicleId == "plough-1")), Describe(passes.Where(p => p.VehicleId == "plough-1")));
        foreach (var vehicle in passes.GroupBy(p => p.VehicleId))
        {
            var ordered = vehicle.OrderBy(p => p.Start).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, $"{vehicle.Key}: passes at {pair.First.Start:O} and {pair.Second.Start:O} overlap"));
        }

        var ploughed = Clearings.From(passes).Select(c => c.Segment.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var cleared = truths.Values.SelectMany(t => t.Ploughed(ClearingRules.Default.PloughedShare)).Select(s => s.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(cleared, ploughed);
        Assert.InRange(cleared.Count, 1, network.Segments.Count - 1);

        // When the road status job computes the day from those passes
        Assert.Equal(0, (await backfill.RunAsync(new BackfillRequest([RoadStatusJob.JobName], day.Date, day.Date, []), _ => { }, ct)).Failed);

        // Then each segment the simulator cleared was last ploughed by the plough that cleared it, and no other segment was
        var last = await platform.Influx.RowsAsync(
            $"SELECT last(\"device\") AS \"device\" FROM \"{PloughSeries.ClearedMeasurement}\" WHERE \"municipality\" = '{platform.Municipality}' GROUP BY \"segment\"", ct);
        var lastBy = last.ToDictionary(r => r.Series.Tags["segment"], r => r.Series.GetString(r.Row, "device"), StringComparer.Ordinal);
        var clearedBy = truths.SelectMany(t => t.Value.Ploughed(ClearingRules.Default.PloughedShare).Select(s => (Segment: s.Id, Vehicle: t.Key)))
            .ToDictionary(c => c.Segment, c => (string?)c.Vehicle, StringComparer.Ordinal);
        Assert.Equal(clearedBy.OrderBy(c => c.Key, StringComparer.Ordinal), lastBy.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    private static string[] Describe(IEnumerable<SmartOverhalla.Ploughing.Passes.PloughPass> passes) =>
        [.. passes.OrderBy(p => p.Start).Select(p => $"{p.Segment.Id} {p.Start:O} {p.CoveredMetres:0.0}")];
}
