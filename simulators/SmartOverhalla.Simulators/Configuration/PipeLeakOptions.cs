using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>A leak in a district's pipes (a real loss): only the inflow meter sees it, as a higher night flow.</summary>
public sealed class PipeLeakOptions
{
    /// <summary>The district: its number (<c>2</c>) or name (<c>dma-02</c>).</summary>
    [Required]
    public string? District { get; set; }

    [Required]
    public DateTimeOffset? Start { get; set; }

    /// <summary>When it is repaired; unset: it runs to the end of the simulation.</summary>
    public DateTimeOffset? End { get; set; }

    [Range(0.1, 1_000_000)]
    public double RateLph { get; set; }
}
