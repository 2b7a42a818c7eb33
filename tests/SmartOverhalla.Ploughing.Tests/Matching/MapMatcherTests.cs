using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Ploughing.Tests.Matching;

/// <summary>Map matching of hand-made tracks on <see cref="TestRoads"/>, each fix's road and the passes it makes.</summary>
public sealed class MapMatcherTests
{
    private static readonly RoadNetwork Roads = TestRoads.Network;

    /// <summary>
    /// Where drives along one segment stop: 10 m before main-1 (and side-1) meet other segments at 1000 m, as a fix right
    /// at a junction belongs as much to the next segment.
    /// </summary>
    private const double ShortOfJunction = 990;
    private readonly MapMatcher _matcher = new(Roads);

    [Fact]
    public void A_clean_pass_matches_every_fix_to_its_road_and_covers_the_segment()
    {
        // Given a plough driving main-1 end to end at 40 km/h, GPS noise up to 3 m
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();

        // When matched
        var track = _matcher.Match(fixes);

        // Then every fix is on main-1, and one pass covers (nearly) all of it, from the first fix to the last
        Assert.All(track.Points, p => Assert.Equal("main-1", p.Segment?.Id));
        var pass = Assert.Single(PassFinder.Find("plough-1", track));
        Assert.Equal("main-1", pass.Segment.Id);
        Assert.InRange(pass.CoveredShare, 0.97, 1.0);
        Assert.Equal((fixes[0].Time, fixes[^1].Time), (pass.Start, pass.End));
    }

    [Fact]
    public void A_pass_with_a_GPS_dropout_is_one_pass_over_the_whole_segment()
    {
        // Given the same drive with no fixes for 40 s in the middle (the fixes were lost)
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        var dropout = fixes.Where(f => f.Time - Drive.Morning is var t && t > TimeSpan.FromSeconds(30) && t < TimeSpan.FromSeconds(70)).ToList();
        Assert.NotEmpty(dropout);

        // When matched
        var track = _matcher.Match(fixes.Except(dropout));

        // Then the way through the silence is along main-1, and it counts for the pass
        var pass = Assert.Single(PassFinder.Find("plough-1", track));
        Assert.Equal("main-1", pass.Segment.Id);
        Assert.InRange(pass.CoveredShare, 0.97, 1.0);
    }

    [Theory]
    [InlineData(3, 0.9, false)]
    [InlineData(8, 2.5, false)]
    [InlineData(24, 6, true)]
    public void A_plough_on_a_parallel_road_40_m_away_does_not_count_for_the_other_road(double noiseMetres, double hdop, bool someFixesNearerTheOther)
    {
        // Given a plough on side-1, 40 m south of main-1 and parallel to it (with poor GPS, some fixes nearer main-1)
        var fixes = new Drive(Drive.Morning, noiseMetres: noiseMetres, hdop: hdop).Along(Segment("side-1"), 0, ShortOfJunction).Fixes();
        Assert.Equal(someFixesNearerTheOther, fixes.Any(f => Roads.Near(Utm33.Project(f.Lon, f.Lat), 100)[0].Segment.Id == "main-1"));

        // When matched
        var track = _matcher.Match(fixes);

        // Then every fix is on side-1 (continuity: main-1 is a kilometre away along the roads), and main-1 has no pass
        Assert.All(track.Points, p => Assert.Equal("side-1", p.Segment?.Id));
        var passes = PassFinder.Find("plough-1", track);
        Assert.DoesNotContain(passes, p => p.Segment.Id == "main-1");
        Assert.InRange(Assert.Single(passes).CoveredShare, 0.95, 1.0);
    }

    [Fact]
    public void A_U_turn_halfway_covers_half_the_segment()
    {
        // Given a plough that drives main-1 to its middle and turns back
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, 500).Along(Segment("main-1"), 500, 0).Fixes();

        // When matched
        var pass = Assert.Single(PassFinder.Find("plough-1", _matcher.Match(fixes)));

        // Then its one pass covers half of main-1 (the first 500 m, within GPS noise and the 5 s between fixes)
        Assert.Equal("main-1", pass.Segment.Id);
        Assert.InRange(pass.CoveredMetres, 480, 510);
        Assert.InRange(pass.CoveredShare, 0.48, 0.51);
    }

    [Fact]
    public void A_fix_far_off_the_network_is_unmatched_and_does_not_break_the_pass()
    {
        // Given a clean drive along main-1 where one fix is 300 m off (a GPS glitch)
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        var glitch = fixes.Count / 2;
        fixes[glitch] = Drive.FixAt(TestRoads.At(500, -300), fixes[glitch].Time);

        // When matched
        var track = _matcher.Match(fixes);

        // Then that fix is unmatched, every other is on main-1, and the pass goes on through it
        Assert.False(track.Points[glitch].IsMatched);
        Assert.All(track.Points.Where((_, i) => i != glitch), p => Assert.Equal("main-1", p.Segment?.Id));
        Assert.InRange(Assert.Single(PassFinder.Find("plough-1", track)).CoveredShare, 0.97, 1.0);
    }

    [Fact]
    public void A_fix_far_off_beside_another_road_is_unmatched_and_does_not_break_the_pass()
    {
        // Given a clean drive along main-1 where one fix lies on branch-1, 700 m away along the roads (multipath in a
        // village: far off, yet near a road)
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        var glitch = 5;
        fixes[glitch] = Drive.FixAt(TestRoads.At(1000, 300), fixes[glitch].Time);

        // When matched
        var track = _matcher.Match(fixes);

        // Then that fix is unmatched (the plough could not have got there in 5 s), the pass goes on through it, and the
        // detour is not counted as driving
        Assert.False(track.Points[glitch].IsMatched);
        Assert.InRange(Assert.Single(PassFinder.Find("plough-1", track)).CoveredShare, 0.97, 1.0);
        var day = Assert.Single(SmartOverhalla.Ploughing.Distances.DrivenDistances.PerDay("plough-1", track, TimeZoneInfo.Utc));
        Assert.InRange(day.PloughDownMetres, 980, 1000);
    }

    [Fact]
    public void A_fix_without_a_usable_position_is_unmatched()
    {
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        fixes[3] = fixes[3] with { Hdop = 99.9 };
        fixes[6] = fixes[6] with { Hdop = double.NaN };

        var track = _matcher.Match(fixes);

        Assert.Equal([3, 6], track.Points.Select((p, i) => (p, i)).Where(x => !x.p.IsMatched).Select(x => x.i));
        Assert.Single(PassFinder.Find("plough-1", track));
    }

    [Fact]
    public void Driving_round_a_loop_segment_through_its_node_goes_the_short_way()
    {
        // Given a plough that drives round loop-1 (800 m, starting and ending at one node) from 40 m in, past the node
        // and 280 m on, a fix every 120 m: one 40 m before the node, the next 80 m after it
        var loop = Segment("loop-1");
        var fixes = new Drive(Drive.Morning, speedKmh: 43.2) { Interval = TimeSpan.FromSeconds(10) }.Along(loop, 40, 800).Along(loop, 0, 280).Fixes();

        // When matched
        var track = _matcher.Match(fixes);

        // Then the track is not cut where it passes the node, and it drove 1,040 m (not 680 m back along the loop)
        Assert.All(track.Points, p => Assert.True(p.IsMatched));
        Assert.Equal(track.Points.Count - 1, track.Legs.Count);
        Assert.InRange(track.Legs.Sum(l => l.RouteMetres), 1025, 1055);
        Assert.InRange(Assert.Single(PassFinder.Find("plough-1", track), p => p.Segment.Id == "loop-1").CoveredShare, 0.98, 1.0);
    }

    [Fact]
    public void A_vehicle_that_leaves_the_network_ends_its_pass_and_starts_a_new_one_when_it_is_back()
    {
        // Given a drive along main-1 where for 10 fixes in the middle the vehicle is 300 m off the road
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        var away = Enumerable.Range(fixes.Count / 2 - 5, 10).ToList();
        away.ForEach(i => fixes[i] = Drive.FixAt(TestRoads.At(500, -300), fixes[i].Time));

        // When matched
        var track = _matcher.Match(fixes);

        // Then those fixes are unmatched and the stretch driven while away is in no pass: one ends at the last fix
        // before, the next starts at the first fix after
        Assert.All(away, i => Assert.False(track.Points[i].IsMatched));
        var passes = PassFinder.Find("plough-1", track);
        Assert.Equal(2, passes.Count);
        Assert.All(passes, p => Assert.Equal("main-1", p.Segment.Id));
        Assert.Equal((fixes[0].Time, fixes[away[0] - 1].Time), (passes[0].Start, passes[0].End));
        Assert.Equal((fixes[away[^1] + 1].Time, fixes[^1].Time), (passes[1].Start, passes[1].End));
    }

    [Fact]
    public void Late_fixes_matched_again_with_their_window_fill_the_pass_as_if_they_had_come_in_time()
    {
        // Given a drive along main-1 whose fixes for 2 minutes came late (buffered by the device during a dropout)
        var fixes = new Drive(Drive.Morning, speedKmh: 20).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        var late = fixes.Where(f => f.Time - Drive.Morning is var t && t >= TimeSpan.FromSeconds(40) && t < TimeSpan.FromSeconds(160)).ToList();
        var onTime = fixes.Except(late).ToList();

        // When the window is matched with the fixes there were, then again when the late ones have come
        var first = PassFinder.Find("plough-1", _matcher.Match(onTime));
        var again = PassFinder.Find("plough-1", _matcher.Match(onTime.Concat(late)));

        // Then the first match does not guess across the silence (longer than MaxGap), and the second is one pass as
        // if every fix had come in time
        Assert.Equal(2, first.Count);
        Assert.True(first.Sum(p => p.CoveredShare) < 0.8, $"the first match covered {first.Sum(p => p.CoveredShare):P0}");
        var pass = Assert.Single(again);
        Assert.InRange(pass.CoveredShare, 0.97, 1.0);
        Assert.Equal((fixes[0].Time, fixes[^1].Time), (pass.Start, pass.End));
    }

    [Fact]
    public void A_turn_at_a_junction_ends_one_pass_where_the_next_begins()
    {
        // Given a plough that drives main-1 and turns north onto branch-1
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1")).Along(Segment("branch-1")).Fixes();

        // When matched
        var passes = PassFinder.Find("plough-1", _matcher.Match(fixes));

        // Then there is a pass on each, the second starting when the first ended (within the second a fix at the junction
        // may spend a few metres into main-2, too short to be a pass), both (nearly) whole
        Assert.Equal(["main-1", "branch-1"], passes.Select(p => p.Segment.Id));
        Assert.InRange(passes[1].Start - passes[0].End, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.All(passes, p => Assert.InRange(p.CoveredShare, 0.97, 1.0));
    }

    [Fact]
    public void Fixes_with_the_plough_up_make_no_pass_but_are_matched()
    {
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes(ploughDown: false);

        var track = _matcher.Match(fixes);

        Assert.All(track.Points, p => Assert.Equal("main-1", p.Segment?.Id));
        Assert.Empty(PassFinder.Find("plough-1", track));
    }

    [Fact]
    public void A_repeated_fix_counts_once_and_order_of_arrival_does_not_matter()
    {
        var fixes = new Drive(Drive.Morning).Along(Segment("main-1"), 0, ShortOfJunction).Fixes();
        var shuffled = fixes.Concat(fixes.Take(10)).Reverse().ToList();

        var track = _matcher.Match(shuffled);

        Assert.Equal(fixes.Count, track.Points.Count);
        Assert.Equal(fixes.Select(f => f.Time), track.Points.Select(p => p.Point.Time));
    }

    [Fact]
    public void No_fixes_match_to_an_empty_track()
    {
        var track = _matcher.Match([]);

        Assert.Empty(track.Points);
        Assert.Empty(track.Legs);
    }

    private static RoadSegment Segment(string id) => Roads.Find(id) ?? throw new InvalidOperationException(id);

    private static string[] Describe(IEnumerable<PloughPass> passes) =>
        [.. passes.Select(p => $"{p.Segment.Id} {p.Start:O}-{p.End:O} {p.CoveredMetres:0.000}")];
}
