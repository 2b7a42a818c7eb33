using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;

namespace SmartOverhalla.Simulators.Tests.Models.Shifts;

public sealed class ShiftPloughModelTests
{
    private static readonly SimulatedShift Shift = SimulatedShift.Drive(seed: 5, uTurnChance: 0.3);

    [Fact]
    public void Next_OverAShift_FixesLieOnTheRoadsWithinTheirGpsError()
    {
        foreach (var plough in Shift.Ploughs)
        {
            Assert.All(plough.Fixes, f =>
            {
                var nearest = SimulatedShift.Network.Near(Utm33.Project(f.Lon, f.Lat), 50);
                Assert.NotEmpty(nearest);
                Assert.InRange(nearest[0].DistanceMetres, 0, (f.Hdop * ShiftPloughModel.GpsErrorPerHdopM * Math.Sqrt(2)) + 0.2);
            });
        }
    }

    [Fact]
    public void Next_OverAShift_TruthCountsEveryLegDrivenOnce()
    {
        foreach (var plough in Shift.Ploughs)
        {
            Assert.Equal(plough.Legs.Where(l => l.PloughDown).Sum(l => l.LengthMetres), plough.Truth.PloughDownMetres, 3);
            Assert.Equal(plough.Legs.Where(l => !l.PloughDown).Sum(l => l.LengthMetres), plough.Truth.TransportMetres, 3);
        }
    }

    [Fact]
    public void Next_OverAShift_SpeedAndSpreadingFollowThePloughState()
    {
        var fixes = Shift.Ploughs.SelectMany(p => p.Fixes.Skip(1)).ToList();

        Assert.Contains(fixes, f => f.PloughDown);
        Assert.Contains(fixes, f => !f.PloughDown && f.SpeedKmh > 0);
        Assert.All(fixes.Where(f => f.PloughDown), f => Assert.InRange(f.SpeedKmh, 12, 40));
        Assert.All(fixes.Where(f => f.PloughDown), f => Assert.NotEqual(SmartOverhalla.Contracts.Messages.Spreading.None, f.Spreading));
        Assert.All(fixes.Where(f => !f.PloughDown), f => Assert.Equal(SmartOverhalla.Contracts.Messages.Spreading.None, f.Spreading));
    }

    [Fact]
    public void Next_WhileMoving_HeadingPointsAlongTheMovement()
    {
        foreach (var plough in Shift.Ploughs)
        {
            for (var i = 1; i < plough.Fixes.Count; i++)
            {
                var (a, b) = (plough.Fixes[i - 1], plough.Fixes[i]);
                var east = (b.Lon - a.Lon) * Math.Cos(a.Lat * Math.PI / 180) * 111_320;
                var north = (b.Lat - a.Lat) * 111_320;
                if (Math.Sqrt((east * east) + (north * north)) > 40)
                {
                    var bearing = ((Math.Atan2(east, north) * 180 / Math.PI) + 360) % 360;
                    var angle = Math.Abs(((b.HeadingDeg - bearing + 540) % 360) - 180);
                    Assert.True(angle < 15, $"{plough.Id} fix {i}: heading {b.HeadingDeg} but moved towards {bearing:0.0}");
                }
            }
        }
    }

    [Fact]
    public void Next_WithDropouts_HoldsEachDropoutsReadingsUntilTheLinkIsBack()
    {
        // Given a plough whose link drops often, read every 5 s through a shift
        var network = SimulatedShift.Network;
        var graph = new SmartOverhalla.Ploughing.Roads.RoadGraph(network);
        var legs = ShiftPlanner.Plan(graph, SyntheticShifts.Depot(network, graph), SyntheticShifts.Share(network, 0), new Random(1), 0);
        var clock = new SmartOverhalla.Simulators.Backfill.VirtualClock(SimulatedShift.Start);
        var model = new ShiftPloughModel("plough-1", 1, clock, new ShiftDrive(legs), dropoutChance: 0.05);
        var readings = new List<(DateTimeOffset Ts, DateTimeOffset? HeldUntil)>();
        for (var i = 0; i < 500 && !model.ShiftDone; i++)
        {
            readings.Add((model.Next().Ts, model.HeldUntil));
            clock.Now += SimulatedShift.Interval;
        }

        // Then some readings are held, each until the end of its dropout, 20-60 s after the dropout began, and the
        // readings of one dropout all wait for the same moment
        var held = readings.Where(r => r.HeldUntil is not null).ToList();
        Assert.NotEmpty(held);
        Assert.Contains(readings, r => r.HeldUntil is null);
        foreach (var dropout in held.GroupBy(r => r.HeldUntil!.Value))
        {
            var began = dropout.Min(r => r.Ts);
            Assert.InRange(dropout.Key - began, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60));
            Assert.All(dropout, r => Assert.True(r.Ts < dropout.Key));
        }
    }

    [Fact]
    public void Next_WithANextShift_StartsItWhereTheLastEnded()
    {
        var network = SimulatedShift.Network;
        var graph = new SmartOverhalla.Ploughing.Roads.RoadGraph(network);
        var depot = SyntheticShifts.Depot(network, graph);
        var plans = 0;
        ShiftDrive Next() => new(ShiftPlanner.Plan(graph, depot, SyntheticShifts.Share(network, 2), new Random(++plans), 0));
        var clock = new SmartOverhalla.Simulators.Backfill.VirtualClock(SimulatedShift.Start);
        var model = new ShiftPloughModel("plough-3", 3, clock, Next(), Next);
        var oneShift = Shift.Ploughs[2].Legs.Sum(l => l.LengthMetres);

        // Read for three times as long as a shift takes at 12 km/h, the slowest clearing (bounded)
        var until = SimulatedShift.Start + TimeSpan.FromHours(3 * oneShift / 12_000);
        while (clock.Now < until)
        {
            model.Next();
            clock.Now += SimulatedShift.Interval;
        }

        Assert.True(plans >= 3, $"only {plans} shifts planned");
        Assert.False(model.ShiftDone);
        Assert.True(model.Truth.PloughDownMetres + model.Truth.TransportMetres > 2 * oneShift);
    }
}
