using System.ComponentModel.DataAnnotations;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>
/// Configuration section <c>Lighting:Savings</c>: how energy, the 100 % baseline and the savings of street lights
/// are computed (gevinstrealisering). When the job runs is <c>Analytics:Jobs:LightingSavings</c> (<see cref="LightingSavingsJob"/>).
/// </summary>
internal sealed class LightingSavingsOptions : IValidatableObject
{
    public const string SectionName = "Lighting:Savings";

    /// <summary>
    /// An assumption to configure: what the municipality pays per kWh delivered, all in (energy, grid tariff, fees,
    /// VAT where it applies). 1.20 NOK is a round figure for central Norway (NO3), not a quoted price.
    /// </summary>
    public const double DefaultPricePerKWhNok = 1.20;

    /// <summary>
    /// NVE's climate declaration for physically delivered electricity in Norway (the location-based mix, imports
    /// included): 19 g CO₂e/kWh for 2022 (nve.no, "Hvor kommer strømmen fra?"). Not NVE's supplier "varedeklarasjon"
    /// (the residual mix after guarantees of origin, several hundred g/kWh): a municipality reporting market-based
    /// emissions sets that figure here instead.
    /// </summary>
    public const double DefaultCo2KgPerKWh = 0.019;

    /// <summary>Full power of an LED road luminaire when neither telemetry nor the zone says better (rural roads: 40–80 W).</summary>
    public const double DefaultRatedPower = 60;

    /// <summary>Price per kWh in NOK, for <c>savedNok</c>. Applies to days computed after a change.</summary>
    [Range(0.0, 100.0)]
    public double PricePerKWhNok { get; set; } = DefaultPricePerKWhNok;

    /// <summary>Emission factor in kg CO₂e per kWh, for <c>savedCo2Kg</c>. Applies to days computed after a change.</summary>
    [Range(0.0, 2.0)]
    public double Co2KgPerKWh { get; set; } = DefaultCo2KgPerKWh;

    /// <summary>A light's power at 100 % in W when it is not learned from telemetry and its zone has no entry in <see cref="ZoneRatedPowerW"/>.</summary>
    [Range(1.0, 2000.0)]
    public double DefaultRatedPowerW { get; set; } = DefaultRatedPower;

    /// <summary>Power at 100 % in W per zone id, e.g. <c>{ "skogmo-industri": 80 }</c>, for lights whose power is not learned.</summary>
    public Dictionary<string, double> ZoneRatedPowerW { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Learn each light's power at 100 % from its own telemetry: the median <c>powerW</c> of its readings at
    /// <c>dimLevel</c> 100 with the lamp on, over <see cref="RatedPowerLearningWindow"/>. Falls back to the zone's or the default.
    /// </summary>
    public bool LearnRatedPower { get; set; } = true;

    /// <summary>How far back (from the end of the day computed) readings at 100 % are looked for.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan RatedPowerLearningWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Readings at 100 % needed before a learned power is trusted.</summary>
    [Range(1, 100_000)]
    public int MinFullPowerSamples { get; set; } = 3;

    /// <summary>
    /// Readings further apart than this many times the light's usual interval (the median of the day) leave the time
    /// between them unknown: neither its energy nor its lit time counts.
    /// </summary>
    [Range(1.5, 100.0)]
    public double GapFactor { get; set; } = 3;

    /// <summary>Readings further apart than this leave the time between them unknown whatever the usual interval (also how far past midnight readings are fetched).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxSampleGap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Highest average draw, W, a register increase between two readings may imply; more is a register jump (a meter
    /// replaced by one with an older register) and counts nothing. No road luminaire draws 1 kW.
    /// </summary>
    [Range(10.0, 100_000.0)]
    public double MaxPlausiblePowerW { get; set; } = 1_000;

    /// <summary>Lights whose readings are fetched in one query (bounds the size of one answer: a light at 30 s makes ~3,000 rows a day).</summary>
    [Range(1, 1_000)]
    public int LightsPerQuery { get; set; } = 50;

    /// <summary>The domain's rules with these settings.</summary>
    public SavingsRules Rules() => new(
        new ReadingRules(GapFactor, MaxSampleGap, MaxPlausiblePowerW),
        new RatedPowerRules(LearnRatedPower, MinFullPowerSamples, DefaultRatedPowerW, ZoneRatedPowerW),
        new SavingsPricing(PricePerKWhNok, Co2KgPerKWh));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (zoneId, watts) in ZoneRatedPowerW)
        {
            if (!DeviceTopic.IsValidMunicipality(zoneId))
            {
                yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(ZoneRatedPowerW))}: '{zoneId}' is not a zone id (2–40 lower-case letters, digits or '-').", [nameof(ZoneRatedPowerW)]);
            }

            if (double.IsNaN(watts) || watts is < 1 or > 2000)
            {
                yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(ZoneRatedPowerW), zoneId)}: must be 1–2000 W; got {watts}.", [nameof(ZoneRatedPowerW)]);
            }
        }
    }
}
