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
}
