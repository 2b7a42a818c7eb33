using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Simulators.Models.Ploughs.Shifts;

/// <summary>A shift's legs laid end to end: where the plough is some metres into a leg, and how fast it drives there.</summary>
internal sealed class ShiftDrive
{
    private readonly LengthIndexedLine[] _lines;

    public ShiftDrive(IReadOnlyList<ShiftLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        Legs = legs;
        _lines = [.. legs.Select(l => new LengthIndexedLine(l.Segment.Projected))];
    }

    public IReadOnlyList<ShiftLeg> Legs { get; }

    /// <summary>UTM 33N position <paramref name="along"/> metres into leg <paramref name="leg"/>, in the direction it is driven.</summary>
    public Coordinate PositionOn(int leg, double along)
    {
        var (from, to) = (Legs[leg].FromMetres, Legs[leg].ToMetres);
        return _lines[leg].ExtractPoint(from + (Math.Sign(to - from) * Math.Clamp(along, 0, Legs[leg].LengthMetres)));
    }

    /// <summary>Road speed of leg <paramref name="leg"/>: slower clearing than in transport, slower on small roads.</summary>
    public double SpeedKmh(int leg)
    {
        var (roadClass, down) = (Legs[leg].Segment.Class, Legs[leg].PloughDown);
        return roadClass switch
        {
            RoadClass.County => down ? 40 : 60,
            RoadClass.Municipal => down ? 30 : 45,
            RoadClass.Private => down ? 20 : 30,
            _ => down ? 12 : 20,
        };
    }
}
