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

    private static readonly string[][] Shares =
    [
        ["fv9017-1", "fv9017-2", "fv9017-3", "fv9017-4"],
        ["elvevegen-1", "elvevegen-2", "elvevegen-3", "ringvegen-1"],
        ["skogvegen-1", "skogvegen-2", "skogvegen-3", "gs-sentrum-1"],
    ];

    public static List<TrackPoint> Day(RoadNetwork network, RoadGraph graph, int plough, DateTimeOffset start, TimeSpan hours)
    {
        var random = new Random(HashCode.Combine(plough, start.DayOfYear, start.Year));
        var depot = graph.StartOf(graph.IndexOf(network.Find("skogvegen-1")!));
        var share = Shares[plough % Shares.Length].Select(id => network.Find(id)!).ToList();
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
        var fixes = new List<TrackPoint> { ToTrackPoint(model.Next()) };
        var regular = start + Interval;
        var end = start + hours + hours;
        while (!model.ShiftDone && clock.Now < end)
        {
            clock.Now = model.UntilPloughChange is { } change && change > TimeSpan.Zero && clock.Now + change < regular ? clock.Now + change : regular;
            if (clock.Now == regular)
            {
                regular += Interval;
            }

            fixes.Add(ToTrackPoint(model.Next()));
        }

        return fixes;
    }

    private static TrackPoint ToTrackPoint(PloughTelemetry fix) =>
        new(fix.Ts, fix.Lon, fix.Lat, fix.SpeedKmh, fix.HeadingDeg, fix.PloughDown, fix.Hdop);
}
