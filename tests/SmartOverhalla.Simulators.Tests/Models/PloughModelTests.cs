using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Models.Ploughs;

namespace SmartOverhalla.Simulators.Tests.Models;

public sealed class PloughModelTests
{
    private static readonly DateTimeOffset WinterMorning = new(2026, 1, 20, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FixInterval = TimeSpan.FromSeconds(5);

    /// <summary>Largest GPS error a fix may carry: HDOP 2.5 × 1 m per axis.</summary>
    private static readonly double MaxGpsErrorM = PloughModel.MaxHdop * PloughModel.GpsErrorPerHdopM * Math.Sqrt(2);

    public static TheoryData<int> RouteIndexes => [.. Enumerable.Range(0, OverhallaRoutes.All.Count)];

    [Theory]
    [MemberData(nameof(RouteIndexes))]
    public void Next_WhileDriving_SpeedStaysWithinRoadSpeeds(int routeIndex)
    {
        // Given ploughs on a route, tracked for an hour and a half
        foreach (var fixes in DriveSeveral(routeIndex))
        {
            // Then they drive 20-80 km/h, and never over 60 with the blade down
            Assert.All(fixes, f => Assert.InRange(f.SpeedKmh, PloughModel.MinWorkingKmh, PloughModel.MaxTransportKmh));
            Assert.All(fixes.Where(f => f.PloughDown), f => Assert.InRange(f.SpeedKmh, PloughModel.MinWorkingKmh, PloughModel.MaxWorkingKmh));
            Assert.All(fixes, f => Assert.InRange(f.Hdop, PloughModel.MinHdop, PloughModel.MaxHdop));
        }
    }

    [Theory]
    [MemberData(nameof(RouteIndexes))]
    public void Next_WhileDriving_FixesStayOnTheRoute(int routeIndex)
    {
        var route = OverhallaRoutes.All[routeIndex];
        foreach (var fixes in DriveSeveral(routeIndex))
        {
            // Then every fix lies on the road, give or take the GPS error
            Assert.All(fixes, f => Assert.InRange(RouteGeometry.DistanceToRouteM(route, new GeoPoint(f.Lat, f.Lon)), 0, MaxGpsErrorM + 0.5));

            // And the plough really moves along it
            var travelled = fixes.Zip(fixes.Skip(1), (a, b) => Geodesy.DistanceM(new(a.Lat, a.Lon), new(b.Lat, b.Lon))).Sum();
            Assert.True(travelled > 20_000, $"travelled only {travelled:0} m in 90 minutes");
        }
    }

    [Theory]
    [MemberData(nameof(RouteIndexes))]
    public void Next_WhileDriving_HeadingAndSpeedMatchTheMovement(int routeIndex)
    {
        foreach (var fixes in DriveSeveral(routeIndex))
        {
            for (var i = 1; i < fixes.Count; i++)
            {
                var from = new GeoPoint(fixes[i - 1].Lat, fixes[i - 1].Lon);
                var to = new GeoPoint(fixes[i].Lat, fixes[i].Lon);
                var moved = Geodesy.DistanceM(from, to);

                // Then a fix never lies further than its reported speed could have taken it
                var reachable = (fixes[i].SpeedKmh / 3.6 * FixInterval.TotalSeconds) + (2 * MaxGpsErrorM) + 0.5;
                Assert.True(moved <= reachable, $"fix {i}: moved {moved:0.0} m at {fixes[i].SpeedKmh} km/h");

                // And, where the move is long enough for GPS noise not to matter, the heading points along it
                Assert.InRange(fixes[i].HeadingDeg, 0, 359.99);
                if (moved > 40)
                {
                    var angle = RouteGeometry.AngleBetween(fixes[i].HeadingDeg, Geodesy.BearingDeg(from, to));
                    Assert.True(angle < 15, $"fix {i}: heading {fixes[i].HeadingDeg} but moved towards {Geodesy.BearingDeg(from, to):0.0}");
                }
            }
        }
    }

    [Fact]
    public void Next_OverAShift_BladeIsMostlyDownWhileWorkingAndSpreadingIsOnlyWhileWorking()
    {
        // Given many ploughs over a shift
        var fixes = Enumerable.Range(0, OverhallaRoutes.All.Count).SelectMany(DriveSeveral).SelectMany(f => f).ToList();

        // Then the blade is down in most fixes, and nothing is spread in transport at high speed
        var downShare = fixes.Count(f => f.PloughDown) / (double)fixes.Count;
        Assert.InRange(downShare, 0.5, 0.95);
        Assert.All(fixes.Where(f => f.SpeedKmh > PloughModel.MaxWorkingKmh), f => Assert.Equal(Spreading.None, f.Spreading));
        Assert.Contains(fixes, f => f.Spreading == Spreading.Sand);
        Assert.Contains(fixes, f => f.Spreading == Spreading.Salt);
    }

    [Fact]
    public void Next_WithTheSameSeed_GivesTheSameFixes()
    {
        // Given two ploughs with the same seed and one with another, on the same route
        var route = OverhallaRoutes.RanemslettaSkage;
        var a = Drive(route, seed: 42, count: 200);
        var b = Drive(route, seed: 42, count: 200);
        var c = Drive(route, seed: 43, count: 200);

        // Then
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Routes_AreRoadLengthsAroundOverhalla()
    {
        foreach (var route in OverhallaRoutes.All)
        {
            // Then each route is a few kilometres of road between Namsos and Skage's surroundings
            Assert.InRange(route.LengthM, 2_000, 15_000);
            Assert.All(route.Waypoints, p => Assert.InRange(p.Lat, 64.40, 64.60));
            Assert.All(route.Waypoints, p => Assert.InRange(p.Lon, 11.70, 12.20));
            Assert.Equal(route.Waypoints[0], route.PositionAt(0));
            Assert.Equal(route.Waypoints[^1], route.PositionAt(route.LengthM));
        }

        Assert.True(OverhallaRoutes.RanemslettaCentre.IsLoop);
        Assert.False(OverhallaRoutes.RanemslettaSkage.IsLoop);
    }

    private static IEnumerable<List<PloughTelemetry>> DriveSeveral(int routeIndex) =>
        Enumerable.Range(1, 4).Select(seed => Drive(OverhallaRoutes.All[routeIndex], seed, count: 1080));

    private static List<PloughTelemetry> Drive(PloughRoute route, int seed, int count)
    {
        var time = new FakeTimeProvider(WinterMorning);
        var model = new PloughModel("plough-1", seed, time, route);
        var fixes = new List<PloughTelemetry>(count);
        for (var i = 0; i < count; i++)
        {
            fixes.Add(model.Next());
            time.Advance(FixInterval);
        }

        return fixes;
    }
}
