using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Passes;

/// <summary>
/// A continuous run of one vehicle along one segment with the plough down: when it entered and left, and which
/// stretches of the segment it covered (a U-turn halfway covers half). Known by vehicle, segment and start, the
/// timestamp its derived point carries.
/// </summary>
public sealed record PloughPass(string VehicleId, RoadSegment Segment, DateTimeOffset Start, DateTimeOffset End, CoveredStretches Covered)
{
    public double CoveredMetres => Covered.Metres;

    /// <summary>Share of the segment's length covered, 0 to 1.</summary>
    public double CoveredShare => Segment.LengthMetres > 0 ? Math.Min(1, Covered.Metres / Segment.LengthMetres) : 0;
}
