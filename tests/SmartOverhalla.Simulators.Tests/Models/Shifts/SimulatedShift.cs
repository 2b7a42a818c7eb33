using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;
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

    /// <summary>Fixes of a shift at most: two per interval (one regular, one at a change of the plough).</summary>
    private static readonly int MaxFixes = (int)(2 * MaxShift / Interval);

    private static readonly string[][] Assignments =
    [
        ["fv9017-1", "fv9017-2", "fv9017-3", "fv9017-4"],
        ["elvevegen-1", "elvevegen-2", "elvevegen-3", "ringvegen-1"],
        ["skogvegen-1", "skogvegen-2", "skogvegen-3", "gs-sentrum-1"],
    ];

    private SimulatedShift(IReadOnlyList<Plough> ploughs) => Ploughs = ploughs;

    public static RoadNetwork Network { get; } = SyntheticRoads.Load();

    public IReadOnlyList<Plough> Ploughs { get; }

    public static SimulatedShift Drive(int seed, double uTurnChance)
    {
        var graph = new RoadGraph(Network);
        var depotSegment = graph.IndexOf(Network.Find("skogvegen-1")!);
        var depot = graph.StartOf(depotSegment);
        var ploughs = new List<Plough>();
        for (var i = 0; i < Assignments.Length; i++)
        {
            var random = new Random(seed + i);
            var legs = ShiftPlanner.Plan(graph, depot, Assignments[i].Select(id => Network.Find(id)!), random, uTurnChance);
            var clock = new FakeTimeProvider(Start);
            var model = new ShiftPloughModel($"plough-{i + 1}", seed + i, clock, new ShiftDrive(legs));
            var fixes = new List<PloughTelemetry> { model.Next() };
            var regular = Start + Interval;
            while (!model.ShiftDone && clock.GetUtcNow() - Start < MaxShift && fixes.Count < MaxFixes)
            {
                // A fix every interval, and one when the plough is lifted or lowered in between.
                var next = model.UntilPloughChange is { } change && change > TimeSpan.Zero && clock.GetUtcNow() + change < regular ? clock.GetUtcNow() + change : regular;
                clock.Advance(next - clock.GetUtcNow());
                fixes.Add(model.Next());
                if (next == regular)
                {
                    regular += Interval;
                }
            }

            Assert.True(model.ShiftDone, $"plough-{i + 1} did not finish its shift in {MaxShift} and {MaxFixes} fixes");
            ploughs.Add(new Plough($"plough-{i + 1}", legs, fixes, model.Truth));
        }

        return new SimulatedShift(ploughs);
    }

    public static TrackPoint ToTrackPoint(PloughTelemetry fix) =>
        new(fix.Ts, fix.Lon, fix.Lat, fix.SpeedKmh, fix.HeadingDeg, fix.PloughDown, fix.Hdop);

    public sealed record Plough(string Id, IReadOnlyList<ShiftLeg> Legs, IReadOnlyList<PloughTelemetry> Fixes, ShiftTruth Truth);
}
