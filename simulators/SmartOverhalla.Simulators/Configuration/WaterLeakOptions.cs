using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>A leak behind a household meter: a constant extra flow from <see cref="Start"/> (e.g. a running toilet, 10–30 L/h).</summary>
public sealed class WaterLeakOptions
{
    /// <summary>Highest leak rate: anything more, added to a shower, could look like the start of a burst.</summary>
    public const double MaxRateLph = 500;

    /// <summary>The household meter: its number (<c>7</c>) or id (<c>sim-water-0007</c>).</summary>
    [Required]
    public string? Meter { get; set; }

    [Required]
    public DateTimeOffset? Start { get; set; }

    /// <summary>When the leak is repaired; unset: it runs to the end of the simulation.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>Litres per hour; above the flow-free limit of 1 L/h, or the platform could never see it.</summary>
    [Range(1.01, MaxRateLph)]
    public double RateLph { get; set; }
}
