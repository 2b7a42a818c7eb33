using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Matching;

/// <summary>A stretch of one segment driven between two fixes, from and to metres along it (to &lt; from: driven against its digitised direction).</summary>
public sealed record RoutePiece(RoadSegment Segment, double FromMetres, double ToMetres)
{
    public double LengthMetres => Math.Abs(ToMetres - FromMetres);

    public double StartMetres => Math.Min(FromMetres, ToMetres);

    public double EndMetres => Math.Max(FromMetres, ToMetres);
}
