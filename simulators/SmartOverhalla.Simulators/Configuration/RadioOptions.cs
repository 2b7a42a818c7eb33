using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// How the radio network delivers water meter readings in live mode (section <c>Simulators:Water:Radio</c>). A late
/// reading is sent <see cref="LateDelay"/> after it was taken, with its original <c>ts</c>, so later readings overtake
/// it; a duplicated one is sent twice. Points carry device time, so the platform must cope with both.
/// </summary>
public sealed class RadioOptions
{
    public static readonly TimeSpan DefaultLateDelay = TimeSpan.FromHours(2);

    [Range(0, 1)]
    public double LateProbability { get; set; }

    [Range(0, 1)]
    public double DuplicateProbability { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "2.00:00:00")]
    public TimeSpan LateDelay { get; set; } = DefaultLateDelay;
}
