using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;

namespace SmartOverhalla.PloughBench;

/// <summary>
/// A plough's day of a winter: rounds of its share of the synthetic network from the depot, planned by the simulator's
/// <see cref="ShiftPlanner"/> (with U-turns), until the shift's hours are full; a fix every 5 s and one at each lift or
/// lowering of the plough, computed by the simulator's <see cref="ShiftPloughModel"/> on a virtual clock.
/// </summary>
internal static class WinterShifts
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static List<TrackPoint> Day(RoadNetwork network, RoadGraph graph, int plough, DateTimeOffset start, TimeSpan hours)
    {
        var random = new Random(HashCode.Combine(plough, start.DayOfYear, start.Year));
        var depot = SyntheticShifts.Depot(network, graph);
        var share = SyntheticShifts.Share(network, plough).ToList();
        var legs = new List<ShiftLeg>();
        var drive = TimeSpan.Zero;
        while (drive < hours)
        {
            var round = ShiftPlanner.Plan(graph, depot, share, random, uTurnChance: 0.2);
            legs.AddRange(round);
            var shiftDrive = new ShiftDrive(round);
            drive += TimeSpan.FromSeconds(Enumerable.Range(0, round.Count).Sum(i => round[i].LengthMetres / (shiftDrive.SpeedKmh(i) / 3.6)));
        }

        var clock = new VirtualClock(start);
        var model = new ShiftPloughModel($"plough-{plough + 1}", random.Next(), clock, new ShiftDrive(legs));
        return [.. SyntheticShifts.Record(model, clock, Interval, start + hours + hours).Select(ToTrackPoint)];
    }

    private static TrackPoint ToTrackPoint(PloughTelemetry fix) =>
        new(fix.Ts, fix.Lon, fix.Lat, fix.SpeedKmh, fix.HeadingDeg, fix.PloughDown, fix.Hdop);
}
