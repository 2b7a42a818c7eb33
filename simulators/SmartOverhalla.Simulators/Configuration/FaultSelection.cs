using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// Which street lights get one fault: a fraction of the fleet, drawn with the seed (the same seed
/// picks the same lights), and/or lights named by id. A light is faulty if either selects it.
/// </summary>
public sealed class FaultSelection
{
    /// <summary>Share of the street lights, 0–1, rounded to whole lights (0.05 of 200 is 10 lights).</summary>
    [Range(0.0, 1.0)]
    public double Fraction { get; set; }

    /// <summary>Ids of lights that have the fault, e.g. <c>sim-light-0003</c>; each must be a simulated light.</summary>
    public IList<string> Devices { get; set; } = [];

    /// <summary>Whether this selects any light at all.</summary>
    public bool IsEmpty => Fraction <= 0 && Devices.Count == 0;
}
