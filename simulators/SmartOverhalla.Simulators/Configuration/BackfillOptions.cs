using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// Backfill (section <c>Simulators:Backfill</c>): every reading of the water fleet from <see cref="From"/> to
/// <see cref="To"/> is computed on a virtual clock and written straight into InfluxDB (section <c>InfluxDb</c>),
/// retention policy <c>water_raw</c>, as the ingestion worker would store it; then the program exits. Only water meters.
/// </summary>
public sealed class BackfillOptions
{
    /// <summary>Longest range: a year and a month, the raw retention of water readings.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public const int DefaultBatchSize = 5_000;

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }

    /// <summary>Points per write request.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>True when a range is given: the program backfills instead of simulating live.</summary>
    public bool Enabled => From is not null || To is not null;
}
