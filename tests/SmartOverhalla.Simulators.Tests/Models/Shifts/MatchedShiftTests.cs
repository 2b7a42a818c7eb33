using SmartOverhalla.Ploughing.Distances;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Simulators.Tests.Models.Shifts;

/// <summary>
/// The simulator's ground truth against what the Ploughing library makes of its fixes: the segments ploughed and the
/// kilometres with the plough down, over a shift of three ploughs with U-turns, a dead end and GPS glitches.
/// </summary>
public sealed class MatchedShiftTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(23)]
    public void A_matched_shift_yields_the_simulators_ploughed_segments_and_plough_down_kilometres_within_2_percent(int seed)
    {
        // Given a shift of three ploughs, with some segments given up halfway, and now and then a fix 400-700 m off (a GPS
        // jump, multipath between hillsides), some of them on or beside another road
        var shift = SimulatedShift.Drive(seed, uTurnChance: 0.3);
        Assert.Contains(shift.Ploughs.SelectMany(p => p.Legs.Zip(p.Legs.Skip(1))), t => t.First.PloughDown && t.Second.Segment == t.First.Segment);
        var random = new Random(seed);
        var matcher = new MapMatcher(SimulatedShift.Network);

        var passes = new List<PloughPass>();
        foreach (var plough in shift.Ploughs)
        {
            // When its fixes are matched, cut into passes, and its kilometres counted
            var fixes = WithOutliers(plough.Fixes.Select(SimulatedShift.ToTrackPoint).ToList(), random);
            var track = matcher.Match(fixes);
            passes.AddRange(PassFinder.Find(plough.Id, track));

            // Then its plough-down kilometres are within 2 % of what it drove
            var down = PloughDownMetres(plough.Id, track);
            Assert.True(Math.Abs(down - plough.Truth.PloughDownMetres) <= 0.02 * plough.Truth.PloughDownMetres,
                $"{plough.Id}: {down:0} m plough down matched, {plough.Truth.PloughDownMetres:0} m driven");
        }

        // And the segments ploughed are those the ploughs really cleared (by the same share)
        var share = ClearingRules.Default.PloughedShare;
        var truth = shift.Ploughs.SelectMany(p => p.Truth.Ploughed(share)).Select(s => s.Id).Distinct().Order().ToList();
        var matched = Clearings.From(passes).Select(c => c.Segment.Id).Distinct().Order().ToList();
        Assert.Equal(truth, matched);
        Assert.NotEqual(SimulatedShift.Network.Segments.Count, truth.Count);
    }

    private static double PloughDownMetres(string vehicleId, MatchedTrack track) =>
        DrivenDistances.PerDay(vehicleId, track, Oslo).Sum(d => d.PloughDownMetres);

    /// <summary>
    /// Moves one fix in 50 (never one where the plough is lifted or lowered, nor the first or last) 400-700 m north or
    /// south, as a glitch of the receiver. (A fix off by less, along the road it is on, is as far as the plough could
    /// have driven: no matcher can tell it from driving, and it counts.)
    /// </summary>
    private static List<TrackPoint> WithOutliers(List<TrackPoint> fixes, Random random)
    {
        for (var i = 1; i < fixes.Count - 1; i++)
        {
            if (random.Next(50) == 0 && fixes[i - 1].PloughDown == fixes[i].PloughDown && fixes[i + 1].PloughDown == fixes[i].PloughDown)
            {
                var north = (random.Next(2) == 0 ? -1 : 1) * random.Next(400, 700);
                fixes[i] = fixes[i] with { Lat = fixes[i].Lat + (north / 111_320.0) };
            }
        }

        return fixes;
    }
}
