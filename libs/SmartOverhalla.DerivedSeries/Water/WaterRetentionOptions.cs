using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>
/// Section <c>Water:Retention</c>: how long InfluxDB keeps each class of water data (issue 10, deliverable 7; design.md,
/// "Security and privacy"). District aggregates, the balance and leak suspicions are kept in the database's default
/// policy and have no setting here.
/// </summary>
public sealed class WaterRetentionOptions
{
    public const string SectionName = "Water:Retention";

    /// <summary>How long raw meter readings (<see cref="WaterRetention.RawPolicy"/>) are kept; default 396 days (13 months).</summary>
    [Range(typeof(TimeSpan), MinDuration, MaxDuration)]
    public TimeSpan RawReadings { get; set; } = WaterRetention.DefaultRawDuration;

    /// <summary>How long per-household consumption (<see cref="WaterRetention.HouseholdPolicy"/>) is kept; default 1,827 days (5 years and a day, for billing).</summary>
    [Range(typeof(TimeSpan), MinDuration, MaxDuration)]
    public TimeSpan HouseholdConsumption { get; set; } = WaterRetention.DefaultHouseholdDuration;

    // InfluxDB keeps data at least 1 hour (CREATE RETENTION POLICY); 100 years (36,524 days) stays far inside its
    // largest duration (Go's time.Duration, about 292 years) and catches a unit mistake such as days typed as hours.
    private const string MinDuration = "01:00:00";
    private const string MaxDuration = "36524.00:00:00";
}
