using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>A household meter replaced by a new one: same device id, the register counts from zero from <see cref="At"/>.</summary>
public sealed class MeterReplacementOptions
{
    [Required]
    public string? Meter { get; set; }

    [Required]
    public DateTimeOffset? At { get; set; }
}
