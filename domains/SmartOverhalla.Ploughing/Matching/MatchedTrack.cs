namespace SmartOverhalla.Ploughing.Matching;

/// <summary>One vehicle's fixes in time order, each matched or not, and the legs along the roads between matched ones.</summary>
public sealed record MatchedTrack(IReadOnlyList<MatchedPoint> Points, IReadOnlyList<TrackLeg> Legs)
{
    public static MatchedTrack Empty { get; } = new([], []);

    /// <summary>
    /// The share of <paramref name="leg"/>'s time with the plough down: each fix's plough state describes the stretch
    /// driven since the fix before it, so across glitch fixes each counts for its part of the leg (1 or 0 for a leg
    /// between two consecutive fixes).
    /// </summary>
    public double PloughDownShare(TrackLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var (down, total) = (0.0, 0.0);
        for (var i = leg.From + 1; i <= leg.To; i++)
        {
            var seconds = (Points[i].Point.Time - Points[i - 1].Point.Time).TotalSeconds;
            total += seconds;
            down += Points[i].Point.PloughDown ? seconds : 0;
        }

        return total > 0 ? down / total : (Points[leg.To].Point.PloughDown ? 1 : 0);
    }
}
