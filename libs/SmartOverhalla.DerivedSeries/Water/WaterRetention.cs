namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>
/// The InfluxDB retention policies of water data, one per data class (design.md, "Security and privacy"). Raw
/// readings (the <c>watermeter</c> series, household and district inflow meters alike) live in <see cref="RawPolicy"/>;
/// one household's hourly, daily and monthly consumption in <see cref="HouseholdPolicy"/>; district aggregates, the
/// balance and leak suspicions in the database's default policy, kept. Durations are configured under
/// <c>Water:Retention</c>; <see cref="WaterRetentionServiceCollectionExtensions.AddWaterRetention"/> creates the policies at
/// start and routes the raw readings into <see cref="RawPolicy"/>.
/// </summary>
public static class WaterRetention
{
    /// <summary>Raw meter readings, kept <see cref="DefaultRawDuration"/> unless configured otherwise.</summary>
    public const string RawPolicy = "water_raw";

    /// <summary>Per-household consumption (personal data needed for billing), kept <see cref="DefaultHouseholdDuration"/>.</summary>
    public const string HouseholdPolicy = "water_household";

    /// <summary>Thirteen months: a year to compare with plus a month to settle the last bill.</summary>
    public static readonly TimeSpan DefaultRawDuration = TimeSpan.FromDays(396);

    /// <summary>Five years and a day: what the Bookkeeping Act (bokføringsloven § 13) asks of billing records.</summary>
    public static readonly TimeSpan DefaultHouseholdDuration = TimeSpan.FromDays(1827);

    /// <summary><c>"water_raw"."watermeter"</c>: the raw readings, as a query's FROM names them.</summary>
    public const string RawReadingsFrom = "\"" + RawPolicy + "\".\"watermeter\"";
}
