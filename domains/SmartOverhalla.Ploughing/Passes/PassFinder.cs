using SmartOverhalla.Ploughing.Matching;

namespace SmartOverhalla.Ploughing.Passes;

/// <summary>
/// Cuts a matched track into plough passes: a pass goes on while the vehicle stays on one segment with the plough down
/// and the track is unbroken; it ends where the vehicle moves onto another segment, lifts the plough, or the track
/// breaks (a long silence, leaving the network). The times a pass enters and leaves a segment are interpolated along
/// the leg by distance, as the vehicle drove the leg at about one speed. A run covering less than
/// <see cref="MinPassMetres"/> (or, on a shorter segment, less than 90 % of it) is no pass: it is GPS noise where a fix at
/// a junction was matched a few metres into the next segment.
/// </summary>
public static class PassFinder
{
    /// <summary>The shortest run along a segment that is a pass, metres (a few times a fix's GPS error).</summary>
    public const double MinPassMetres = 10;

    public static IReadOnlyList<PloughPass> Find(string vehicleId, MatchedTrack track)
    {
        ArgumentException.ThrowIfNullOrEmpty(vehicleId);
        ArgumentNullException.ThrowIfNull(track);
        var passes = new List<PloughPass>();
        PloughPass? current = null;
        var lastTo = -1;
        foreach (var leg in track.Legs)
        {
            var from = track.Points[leg.From].Point;
            var to = track.Points[leg.To].Point;
            // A leg across glitch fixes is clearing only when every fix in it says so.
            var clearing = track.PloughDownShare(leg) == 1;
            if (!clearing || leg.From != lastTo)
            {
                Finish(ref current, passes);
            }

            lastTo = leg.To;
            if (!clearing)
            {
                continue;
            }

            var total = leg.RouteMetres;
            var duration = to.Time - from.Time;
            var driven = 0.0;
            foreach (var piece in leg.Pieces)
            {
                var enter = total > 0 ? from.Time + duration * (driven / total) : from.Time;
                driven += piece.LengthMetres;
                var leave = total > 0 ? from.Time + duration * (driven / total) : to.Time;
                if (current is null || !ReferenceEquals(current.Segment, piece.Segment))
                {
                    Finish(ref current, passes);
                    current = new PloughPass(vehicleId, piece.Segment, enter, leave, new CoveredStretches());
                }

                current.Covered.Add(piece.FromMetres, piece.ToMetres);
                current = current with { End = leave };
            }
        }

        Finish(ref current, passes);
        return passes;
    }

    private static void Finish(ref PloughPass? current, List<PloughPass> passes)
    {
        if (current is { } pass && pass.CoveredMetres >= Math.Min(MinPassMetres, 0.9 * pass.Segment.LengthMetres))
        {
            passes.Add(current);
        }

        current = null;
    }
}
