using SmartOverhalla.Ploughing.Distances;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Ploughing.Tests.Distances;

public sealed class DrivenDistancesTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private readonly MapMatcher _matcher = new(TestRoads.Network);

    [Fact]
    public void Metres_along_the_road_count_plough_down_or_in_transport_by_the_fix_that_ends_them()
    {
        // Given a plough clearing the first 500 m of main-1, then driving the rest with the plough up
        var main = TestRoads.Network.Find("main-1")!;
        var down = new Drive(Drive.Morning).Along(main, 0, 500).Fixes();
        var up = new Drive(down[^1].Time, seed: 2).Along(main, 500, 990).Fixes(ploughDown: false).Skip(1);

        // When its day is counted
        var day = Assert.Single(DrivenDistances.PerDay("plough-1", _matcher.Match(down.Concat(up)), Oslo));

        // Then about 500 m plough down and 490 m in transport (within the GPS noise at the ends), on its local day
        Assert.Equal(new DateOnly(2026, 12, 8), day.Day);
        Assert.InRange(day.PloughDownMetres, 495, 505);
        Assert.InRange(day.TransportMetres, 485, 495);
    }

    [Fact]
    public void A_drive_across_local_midnight_is_counted_on_both_days()
    {
        // Given a drive along main-1 that passes 00:00 in Oslo (23:00 UTC in winter) halfway
        var start = new DateTimeOffset(2026, 12, 8, 22, 59, 15, TimeSpan.Zero);
        var fixes = new Drive(start).Along(TestRoads.Network.Find("main-1")!, 0, 990).Fixes();

        var days = DrivenDistances.PerDay("plough-1", _matcher.Match(fixes), Oslo);

        Assert.Equal([new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9)], days.Select(d => d.Day));
        Assert.InRange(days.Sum(d => d.PloughDownMetres), 980, 1000);
        Assert.All(days, d => Assert.InRange(d.PloughDownMetres, 400, 600));
    }

    [Fact]
    public void Off_the_network_the_straight_line_counts_and_a_long_silence_counts_nothing()
    {
        // Given a vehicle in a yard 300 m from every road: 10 fixes 50 m apart, then silent for 10 minutes, then one more
        var fixes = Enumerable.Range(0, 10)
            .Select(i => Drive.FixAt(TestRoads.At(i * 50, -300), Drive.Morning.AddSeconds(i * 5), ploughDown: false))
            .Append(Drive.FixAt(TestRoads.At(1000, -300), Drive.Morning.AddMinutes(11), ploughDown: false))
            .ToList();

        var day = Assert.Single(DrivenDistances.PerDay("plough-1", _matcher.Match(fixes), Oslo));

        Assert.Equal(0, day.PloughDownMetres);
        Assert.Equal(450, day.TransportMetres, 1);
    }

    [Fact]
    public void A_lift_reported_by_a_glitch_fix_counts_for_its_share_of_the_leg_and_ends_the_pass()
    {
        // Given a plough clearing main-1 whose fix 8 is a GPS glitch 300 m off reporting the plough lifted (lowered again
        // at fix 9)
        var fixes = new Drive(Drive.Morning).Along(TestRoads.Network.Find("main-1")!, 0, 990).Fixes();
        fixes[8] = Drive.FixAt(TestRoads.At(500, -300), fixes[8].Time, ploughDown: false);

        // When matched
        var track = _matcher.Match(fixes);
        var day = Assert.Single(DrivenDistances.PerDay("plough-1", track, Oslo));

        // Then the leg from fix 7 to fix 9 (about 111 m) counts half in transport, and the pass ends before it
        Assert.False(track.Points[8].IsMatched);
        Assert.InRange(day.TransportMetres, 50, 62);
        Assert.InRange(day.PloughDownMetres + day.TransportMetres, 980, 1000);
        Assert.Equal(2, SmartOverhalla.Ploughing.Passes.PassFinder.Find("plough-1", track).Count);
    }
}
