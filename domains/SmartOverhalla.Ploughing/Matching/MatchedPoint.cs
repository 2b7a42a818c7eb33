using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Ploughing.Matching;

/// <summary>A fix and the road position it was matched to: <see cref="Segment"/> is null when it is off the network.</summary>
/// <param name="Point">The fix as reported.</param>
/// <param name="Segment">The segment the plough was on; null when unmatched.</param>
/// <param name="OffsetMetres">Metres along the segment from its first position.</param>
/// <param name="DistanceMetres">Metres from the reported fix to the road.</param>
public sealed record MatchedPoint(TrackPoint Point, RoadSegment? Segment, double OffsetMetres, double DistanceMetres)
{
    public bool IsMatched => Segment is not null;
}
