using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// The simulated water network (section <c>Simulators:Water</c>): district metered areas with one inflow meter each,
/// how often meters report, the real losses in the pipes, the scenario of faults (explicit entries and/or counts drawn
/// with the seed), late and duplicated radio delivery, and the files describing it (registry, ground truth).
/// </summary>
public sealed class WaterOptions
{
    public const int MaxDistricts = 99;

    /// <summary>
    /// Longest reporting interval of a household meter. Nights are quiet for five hours (<see cref="Models.Watermeters.HouseholdRhythm"/>),
    /// and a clock hour is only seen flow-free when every reading interval touching it is: 5 h − 2 × 1 h leaves two
    /// whole hours, so a normal household always shows the platform a flow-free hour.
    /// </summary>
    public static readonly TimeSpan MaxHouseholdInterval = TimeSpan.FromHours(1);

    public static readonly TimeSpan DefaultHouseholdIntervalMin = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultHouseholdIntervalMax = TimeSpan.FromMinutes(60);

    /// <summary>District inflow meters are mains-powered and read often (the night flow is read hour by hour).</summary>
    public static readonly TimeSpan DefaultInflowInterval = TimeSpan.FromMinutes(15);

    /// <summary>Real losses from joints and service pipes that nobody finds: a few hundred litres an hour in a small DMA.</summary>
    public const double DefaultBackgroundLeakageLph = 300;

    /// <summary>About one household in twenty is away for some days in a two-week window.</summary>
    public const double DefaultHolidayShare = 0.05;

    /// <summary>Number of district metered areas; household meters are shared out evenly in blocks (0: no districts and no inflow meters).</summary>
    [Range(0, MaxDistricts)]
    public int Districts { get; set; }

    /// <summary>Shortest reporting interval a household meter may draw (whole minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan HouseholdIntervalMin { get; set; } = DefaultHouseholdIntervalMin;

    /// <summary>Longest reporting interval a household meter may draw (whole minutes), at most <see cref="MaxHouseholdInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan HouseholdIntervalMax { get; set; } = DefaultHouseholdIntervalMax;

    /// <summary>Reporting interval of every district inflow meter.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan InflowInterval { get; set; } = DefaultInflowInterval;

    /// <summary>Constant real losses of each district's pipes, litres per hour (background leakage).</summary>
    [Range(0, 1_000_000)]
    public double BackgroundLeakageLph { get; set; } = DefaultBackgroundLeakageLph;

    /// <summary>Share of household meters away once (zero use for 3–10 days), drawn with the seed within the simulated range.</summary>
    [Range(0, 1)]
    public double HolidayShare { get; set; } = DefaultHolidayShare;

    /// <summary>Leaks drawn with the seed: household meter, start within the range, 10–30 L/h (a running toilet).</summary>
    [Range(0, 100_000)]
    public int RandomLeaks { get; set; }

    /// <summary>Bursts drawn with the seed: household meter, start within the range, 1,500–3,000 L/h for 1–3 h.</summary>
    [Range(0, 100_000)]
    public int RandomBursts { get; set; }

    /// <summary>Meter replacements drawn with the seed.</summary>
    [Range(0, 100_000)]
    public int RandomReplacements { get; set; }

    /// <summary>Pipe leaks drawn with the seed: district, start within the range, 100–600 L/h, never repaired in the run.</summary>
    [Range(0, 10_000)]
    public int RandomPipeLeaks { get; set; }

    [ValidateEnumeratedItems]
    public List<WaterLeakOptions> Leaks { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<WaterBurstOptions> Bursts { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<MeterReplacementOptions> Replacements { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<PipeLeakOptions> PipeLeaks { get; set; } = [];

    [ValidateEnumeratedItems]
    public List<HolidayOptions> Holidays { get; set; } = [];

    /// <summary>Late and duplicated delivery in live mode, as radio networks deliver.</summary>
    [ValidateObjectMembers]
    public RadioOptions Radio { get; set; } = new();

    /// <summary>
    /// The shortest burst the platform is sure to see: its burst rule needs whole reading intervals of high flow covering
    /// 30 minutes, and a meter with a burst reports every <see cref="HouseholdIntervalMin"/>, so a burst must last one
    /// interval (the partly covered ones at its ends) plus the longer of an interval and 30 minutes; and at least an hour.
    /// </summary>
    public TimeSpan MinBurstDuration
    {
        get
        {
            var interval = HouseholdIntervalMin;
            var needed = interval + (interval > BurstRuleSpan ? interval : BurstRuleSpan);
            return needed > TimeSpan.FromHours(1) ? needed : TimeSpan.FromHours(1);
        }
    }

    /// <summary>How long the platform's burst rule wants high flow (half of Q3 for 30 minutes).</summary>
    public static TimeSpan BurstRuleSpan => SmartOverhalla.Water.Leaks.LeakRules.Household.BurstAfter;

    /// <summary>When set, the water meter registry is written to this CSV file for the gateway's import, and the program exits.</summary>
    public string? RegistryFile { get; set; }

    /// <summary>When set, the ground truth (meters, faults, district balance per local day) is written to this JSON file at the end.</summary>
    public string? GroundTruthFile { get; set; }
}
