using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;

namespace SmartOverhalla.Simulators.Models.Ploughs.Shifts;

/// <summary>
/// What a simulated plough really did, for tests to compare the platform's answers with: metres driven with the plough
/// down and in transport, the stretches of each segment it cleared, and so the segments it ploughed (by the same share as
/// <see cref="ClearingRules"/>).
/// </summary>
internal sealed class ShiftTruth
{
    private readonly Dictionary<RoadSegment, CoveredStretches> _cleared = [];

    public double PloughDownMetres { get; private set; }

    public double TransportMetres { get; private set; }

    public IReadOnlyDictionary<RoadSegment, CoveredStretches> Cleared => _cleared;

    /// <summary>Segments whose cleared stretches cover <paramref name="share"/> of them.</summary>
    public IReadOnlySet<RoadSegment> Ploughed(double share) =>
        _cleared.Where(c => c.Value.Metres >= share * c.Key.LengthMetres).Select(c => c.Key).ToHashSet();

    /// <summary>Records that the plough drove leg <paramref name="leg"/> from and to metres along its segment.</summary>
    public void Drove(ShiftLeg leg, double fromMetres, double toMetres)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var metres = Math.Abs(toMetres - fromMetres);
        if (!leg.PloughDown)
        {
            TransportMetres += metres;
            return;
        }

        PloughDownMetres += metres;
        if (!_cleared.TryGetValue(leg.Segment, out var covered))
        {
            _cleared[leg.Segment] = covered = new CoveredStretches();
        }

        covered.Add(fromMetres, toMetres);
    }
}
