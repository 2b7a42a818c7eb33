using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>A household away: no use of water from <see cref="Start"/> to <see cref="End"/> (leaks go on).</summary>
public sealed class HolidayOptions
{
    [Required]
    public string? Meter { get; set; }

    [Required]
    public DateTimeOffset? Start { get; set; }

    [Required]
    public DateTimeOffset? End { get; set; }
}
