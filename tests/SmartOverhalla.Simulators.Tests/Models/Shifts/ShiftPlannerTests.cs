using NetTopologySuite.Geometries;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;

namespace SmartOverhalla.Simulators.Tests.Models.Shifts;

public sealed class ShiftPlannerTests
{
    [Fact]
    public void Plan_ForEachPlough_ClearsEveryAssignedSegmentAndDrivesAConnectedWayFromTheDepotBack()
    {
        var shift = SimulatedShift.Drive(seed: 3, uTurnChance: 0);

        foreach (var plough in shift.Ploughs)
        {
            var legs = plough.Legs;
            var cleared = legs.Where(l => l.PloughDown).Select(l => l.Segment.Id).ToHashSet();
            Assert.Equal(cleared.Count, legs.Count(l => l.PloughDown));
            Assert.All(legs.Where(l => l.PloughDown), l => Assert.Equal(l.Segment.LengthMetres, l.LengthMetres, 6));

            // Each leg starts where the one before ended, and the last ends where the first started (the depot)
            for (var i = 1; i < legs.Count; i++)
            {
                Assert.True(End(legs[i - 1]).Distance(Start(legs[i])) < 1e-6, $"{plough.Id}: leg {i} does not start where leg {i - 1} ended");
            }

            Assert.True(End(legs[^1]).Distance(Start(legs[0])) < 1e-6, $"{plough.Id} does not end at the depot");
        }

        Assert.Equal(SimulatedShift.Network.Segments.Select(s => s.Id).Order(), shift.Ploughs.SelectMany(p => p.Legs.Where(l => l.PloughDown).Select(l => l.Segment.Id)).Order());
    }

    [Fact]
    public void Plan_WithUTurns_GivesUpASegmentHalfwayAndTurnsBack()
    {
        var shift = SimulatedShift.Drive(seed: 3, uTurnChance: 1);

        // Every segment of 200 m or more is cleared to its middle only, and the plough turns back there
        var long_ = shift.Ploughs.SelectMany(p => p.Legs.Zip(p.Legs.Skip(1))).Where(t => t.First.PloughDown && t.First.Segment.LengthMetres >= 200).ToList();
        Assert.NotEmpty(long_);
        Assert.All(long_, t =>
        {
            Assert.Equal(t.First.Segment.LengthMetres / 2, t.First.LengthMetres, 6);
            Assert.Equal((t.First.Segment, t.First.ToMetres, t.First.FromMetres, false), (t.Second.Segment, t.Second.FromMetres, t.Second.ToMetres, t.Second.PloughDown));
        });
    }

    private static Coordinate Start(ShiftLeg leg) => new NetTopologySuite.LinearReferencing.LengthIndexedLine(leg.Segment.Projected).ExtractPoint(leg.FromMetres);

    private static Coordinate End(ShiftLeg leg) => new NetTopologySuite.LinearReferencing.LengthIndexedLine(leg.Segment.Projected).ExtractPoint(leg.ToMetres);
}
