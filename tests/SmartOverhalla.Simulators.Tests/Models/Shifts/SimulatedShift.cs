using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;

namespace SmartOverhalla.Simulators.Tests.Models.Shifts;

/// <summary>
/// Three ploughs sharing the synthetic network from one depot (where the county road meets Skogvegen): one clears the
/// county road, one Elvevegen and Ringvegen, one Skogvegen (with its dead end) and the footway. Driven on a fake clock
/// with a fix every 5 s; each plough's fixes and ground truth.
/// </summary>
internal sealed class SimulatedShift
{
    public static readonly DateTimeOffset Start = new(2026, 1, 20, 4, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>No shift on this network takes longer; a bound on the loop, not a guess at a result.</summary>
    private static readonly TimeSpan MaxShift = TimeSpan.FromHours(6);


    private SimulatedShift(IReadOnlyList<Plough> ploughs) => Ploughs = ploughs;

    public static RoadNetwork Network { get; } = SyntheticRoads.Load();

    public IReadOnlyList<Plough> Ploughs { get; }

    public static SimulatedShift Drive(int seed, double uTurnChance)
    {
        var graph = new RoadGraph(Network);
        var depot = SyntheticShifts.Depot(Network, graph);
        var ploughs = new List<Plough>();
        for (var i = 0; i < SyntheticShifts.Shares.Count; i++)
        {
            var random = new Random(seed + i);
            var legs = ShiftPlanner.Plan(graph, depot, SyntheticShifts.Share(Network, i), random, uTurnChance);
            var clock = new VirtualClock(Start);
            var model = new ShiftPloughModel($"plough-{i + 1}", seed + i, clock, new ShiftDrive(legs));
            var fixes = SyntheticShifts.Record(model, clock, Interval, Start + MaxShift);
            Assert.True(model.ShiftDone, $"plough-{i + 1} did not finish its shift in {MaxShift}");
            ploughs.Add(new Plough($"plough-{i + 1}", legs, fixes, model.Truth));
        }

        return new SimulatedShift(ploughs);
    }

    public static TrackPoint ToTrackPoint(PloughTelemetry fix) =>
        new(fix.Ts, fix.Lon, fix.Lat, fix.SpeedKmh, fix.HeadingDeg, fix.PloughDown, fix.Hdop);

    public sealed record Plough(string Id, IReadOnlyList<ShiftLeg> Legs, IReadOnlyList<PloughTelemetry> Fixes, ShiftTruth Truth);
}
