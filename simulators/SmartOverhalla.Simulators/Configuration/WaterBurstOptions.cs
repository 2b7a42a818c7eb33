using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// A burst behind a household meter: <see cref="RateLph"/> from <see cref="Start"/> for <see cref="Duration"/>, then
/// repaired. The meter reports every <see cref="WaterOptions.HouseholdIntervalMin"/> while it has a burst in the run, so
/// the platform sees the 30 minutes of high flow its burst rule needs.
/// </summary>
public sealed class WaterBurstOptions
{
    [Required]
    public string? Meter { get; set; }

    [Required]
    public DateTimeOffset? Start { get; set; }

    /// <summary>At least an hour, so whole reading intervals of high flow cover 30 minutes.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Litres per hour; at least the platform's burst threshold (half of Q3 = 2,500 L/h).</summary>
    [Range(1250, 20_000)]
    public double RateLph { get; set; } = 2000;
}
