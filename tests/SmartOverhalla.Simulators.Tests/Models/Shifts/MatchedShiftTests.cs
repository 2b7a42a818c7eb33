using SmartOverhalla.Ploughing.Distances;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Simulators.Tests.Models.Shifts;

/// <summary>
/// The simulator's ground truth against what the Ploughing library makes of its fixes: the segments ploughed and the
/// kilometres with the plough down, over a shift of three ploughs with U-turns, a dead end and GPS dropouts.
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
        // Given a shift of three ploughs, with some segments given up halfway, and each plough's mobile link lost for
        // 20-40 s now and then (its fixes buffered and sent when the link is back)
        var shift = SimulatedShift.Drive(seed, uTurnChance: 0.3);
        Assert.Contains(shift.Ploughs.SelectMany(p => p.Legs.Zip(p.Legs.Skip(1))), t => t.First.PloughDown && t.Second.Segment == t.First.Segment);
        var random = new Random(seed);
        var matcher = new MapMatcher(SimulatedShift.Network);

        var passes = new List<PloughPass>();
        foreach (var plough in shift.Ploughs)
        {
            // When its fixes are matched with the late ones (the window matched again when they came)
            var fixes = plough.Fixes.Select(SimulatedShift.ToTrackPoint).ToList();
            var (onTime, late) = Dropouts(fixes, random);
            var track = matcher.Match(onTime.Concat(late));
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
        DrivenDistances.PerDay(vehicleId, track, Oslo, MapMatchingSettings.Default.MaxGap).Sum(d => d.PloughDownMetres);

    /// <summary>The fixes that came in time, and those of a few 20-40 s windows that came late.</summary>
    private static (List<TrackPoint> OnTime, List<TrackPoint> Late) Dropouts(List<TrackPoint> fixes, Random random)
    {
        var late = new List<TrackPoint>();
        var onTime = fixes.ToList();
        for (var n = 0; n < 3 && onTime.Count > 40; n++)
        {
            var at = random.Next(10, onTime.Count - 20);
            var length = random.Next(4, 9);
            late.AddRange(onTime.GetRange(at, length));
            onTime.RemoveRange(at, length);
        }

        return (onTime, late);
    }
}
