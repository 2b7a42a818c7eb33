using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Simulators.Models.Ploughs.Shifts;

/// <summary>One stretch of a shift: a segment driven from and to metres along it, clearing (plough down) or in transport.</summary>
internal sealed record ShiftLeg(RoadSegment Segment, double FromMetres, double ToMetres, bool PloughDown)
{
    public double LengthMetres => Math.Abs(ToMetres - FromMetres);
}
