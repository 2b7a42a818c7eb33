using System.ComponentModel.DataAnnotations;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.OptionsValidation;
using SmartOverhalla.Water.Balance;
using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Analytics.Water;

/// <summary>
/// Configuration section <c>Water</c>: whose meters the water jobs compute, how they read them and the thresholds of the
/// leak, burst and night-flow rules. When the jobs run is <c>Analytics:Jobs:WaterConsumption</c> and
/// <c>Analytics:Jobs:WaterLeaks</c>. The meter directory comes from the gateway set in <c>Analytics:Alerts</c>.
/// </summary>
internal sealed class WaterAnalyticsOptions : IValidatableObject
{
    public const string SectionName = "Water";

    /// <summary>The municipality (tenant slug) whose meters are computed, as in the meters' topics.</summary>
    [Required]
    public string Municipality { get; set; } = "overhalla";

    /// <summary>How long a fetched meter directory is used before it is fetched again (every job run fetches at most once per this).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DirectoryCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Meters whose readings are fetched in one InfluxQL statement (bounds the query's length and its answer).</summary>
    [Range(1, 5_000)]
    public int MetersPerQuery { get; set; } = 500;

    /// <summary>
    /// How far before a day (and after it) the consumption job looks for a meter's last reading before midnight (first
    /// after): a gap across midnight up to this long is spread over the hours it covers, as estimated litres.
    /// </summary>
    [Range(typeof(TimeSpan), "03:00:00", "400.00:00:00")]
    public TimeSpan GapLookup { get; set; } = TimeSpan.FromDays(31);

    /// <summary>
    /// How far back the leak job reads at every run: the 24 hours of the leak rule, the flow-free hour before a leak and a
    /// reporting interval or two. A suspicion that began earlier is followed back to its start (up to <see cref="MaxLeakLookback"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "7.00:00:00")]
    public TimeSpan LeakLookback { get; set; } = TimeSpan.FromHours(28);

    /// <summary>
    /// The leak job's window, aligned to the Unix epoch in UTC: a quarter of an hour, so suspicions are raised soon after
    /// the readings show them. A longer window (e.g. a day, with a look-back longer by as much) makes a backfill of a long
    /// range cheaper; the suspicions found are the same.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LeakWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back an ongoing leak or burst is followed to find its start.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan MaxLeakLookback { get; set; } = TimeSpan.FromDays(31);

    /// <summary>The household meters' nominal flow Q3, L/h (a burst is half of it for 30 minutes).</summary>
    [Range(100.0, 100_000.0)]
    public double NominalFlowLph { get; set; } = LeakRules.Household.NominalFlowLph;

    /// <summary>Earlier nights whose median is a district's night-flow baseline.</summary>
    [Range(3, 90)]
    public int NightFlowBaselineNights { get; set; } = NightFlowRule.Default.BaselineNights;

    /// <summary>How far above its baseline a district's minimum night flow must be for an alert, as a share of the baseline.</summary>
    [Range(0.05, 10.0)]
    public double NightFlowRiseShare { get; set; } = NightFlowRule.Default.RiseShare;

    /// <summary>And at least this much above it, L/h.</summary>
    [Range(0.0, 1_000_000.0)]
    public double NightFlowMinimumRiseLph { get; set; } = NightFlowRule.Default.MinimumRiseLph;

    /// <summary>How register readings become consumption (the domain's household rules).</summary>
    public static RegisterRules Registers => RegisterRules.Household;

    public LeakRules LeakThresholds() => LeakRules.Household with { NominalFlowLph = NominalFlowLph };

    public NightFlowRule NightFlowThresholds() => new(NightFlowBaselineNights, NightFlowRiseShare, NightFlowMinimumRiseLph);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DeviceTopic.IsValidMunicipality(Municipality))
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(Municipality))}: '{Municipality}' is not a municipality slug (2–40 lower-case letters, digits or '-').", [nameof(Municipality)]);
        }

        // Each window must still see the leak rule's day, the flow-free hour before it and the window itself.
        if (LeakLookback < LeakWindow + TimeSpan.FromHours(25))
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(LeakLookback))}: must be at least {ConfigurationKey.Of(validationContext, nameof(LeakWindow))} + 25 h ({LeakWindow + TimeSpan.FromHours(25)}).", [nameof(LeakLookback)]);
        }

        if (TimeSpan.FromDays(1).Ticks % LeakWindow.Ticks != 0)
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(LeakWindow))}: {LeakWindow} does not divide a day evenly (e.g. 00:15:00, 01:00:00, 1.00:00:00).", [nameof(LeakWindow)]);
        }

        if (MaxLeakLookback < LeakLookback)
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(MaxLeakLookback))}: must be at least {ConfigurationKey.Of(validationContext, nameof(LeakLookback))} ({LeakLookback}).", [nameof(MaxLeakLookback)]);
        }
    }
}
