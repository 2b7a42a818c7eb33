using NetTopologySuite.LinearReferencing;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Matching;

/// <summary>
/// The road positions near a fix and how well each explains it (the HMM's emission): a normal distribution of the
/// distance with the fix's GPS error, and of the angle between the reported heading and the road's line.
/// </summary>
internal sealed class CandidateFinder(RoadNetwork network, RoadGraph graph, MapMatchingSettings settings)
{
    /// <summary>Metres before and after a position over which a road's direction is taken.</summary>
    private const double DirectionSpanMetres = 5;

    public double RadiusFor(in Fix fix) => Math.Max(settings.SearchRadiusMetres, 4 * fix.SigmaMetres);

    public Candidate[] Find(in Fix fix)
    {
        var near = network.Near(fix.Utm, RadiusFor(fix));
        var count = Math.Min(near.Count, settings.MaxCandidates);
        var candidates = new Candidate[count];
        for (var i = 0; i < count; i++)
        {
            var (segment, distance) = near[i];
            var line = new LengthIndexedLine(segment.Projected);
            var offset = Math.Clamp(line.Project(fix.Utm), 0, segment.LengthMetres);
            var z = distance / fix.SigmaMetres;
            var logEmission = -0.5 * z * z;
            if (fix.GridHeadingDegrees is { } heading)
            {
                var a = AngleToLine(heading, DirectionAt(line, segment.LengthMetres, offset)) / settings.HeadingSigmaDegrees;
                logEmission -= 0.5 * a * a;
            }

            candidates[i] = new Candidate(graph.IndexOf(segment), offset, distance, logEmission);
        }

        return candidates;
    }

    /// <summary>Grid bearing of the line at <paramref name="offset"/>, degrees.</summary>
    private static double DirectionAt(LengthIndexedLine line, double length, double offset)
    {
        var before = line.ExtractPoint(Math.Max(0, offset - DirectionSpanMetres));
        var after = line.ExtractPoint(Math.Min(length, offset + DirectionSpanMetres));
        return Math.Atan2(after.X - before.X, after.Y - before.Y) * 180 / Math.PI;
    }

    /// <summary>The angle between a heading and a road driven both ways: 0 to 90 degrees.</summary>
    private static double AngleToLine(double heading, double bearing)
    {
        var difference = Math.Abs(heading - bearing) % 180;
        return Math.Min(difference, 180 - difference);
    }
}
