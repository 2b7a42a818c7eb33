using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// The local spool that holds batches while InfluxDB is unreachable (section <c>Ingestion:Spool</c>).
/// Each worker identity (<see cref="IngestionOptions.ClientId"/>) has its own sub-directory, locked while it runs.
/// That the directory can be written is checked at start by <see cref="SpoolOptionsHostChecks"/>.
/// </summary>
public sealed class SpoolOptions : IValidatableObject
{
    public const string SectionName = IngestionOptions.SectionName + ":Spool";
    public const long DefaultMaxBytes = 1L << 30;
    public const long DefaultSegmentBytes = 64L << 20;
    public const double DefaultAlarmFillRatio = 0.8;

    /// <summary>
    /// Where spool files live; relative paths are under the content root. Must be on a local, durable disk
    /// (not tmpfs): what is here has been acknowledged to the broker.
    /// </summary>
    [Required]
    public string Directory { get; set; } = "data/spool";

    /// <summary>Most bytes on disk. When full, the worker stops acknowledging and the broker keeps the messages.</summary>
    [Range(1L << 20, 1L << 40)]
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Size at which a new segment file is begun; a replayed segment is deleted whole.</summary>
    [Range(64L << 10, 1L << 30)]
    public long SegmentBytes { get; set; } = DefaultSegmentBytes;

    /// <summary>Fill level (share of <see cref="MaxBytes"/>) at which the worker raises the spool alarm.</summary>
    [Range(0.05, 0.99)]
    public double AlarmFillRatio { get; set; } = DefaultAlarmFillRatio;

    /// <summary>How often a batch that found the spool full tries again (meanwhile nothing is acknowledged).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FullRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after a failed replay (InfluxDB still away, or the circuit open) before the next try.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReplayRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SegmentBytes > MaxBytes)
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(SegmentBytes))}: {SegmentBytes} must not exceed {ConfigurationKey.Of(validationContext, nameof(MaxBytes))} ({MaxBytes}).",
                [nameof(SegmentBytes), nameof(MaxBytes)]);
        }
    }

    /// <summary>The full path of this worker's spool: <see cref="Directory"/>/<paramref name="clientId"/>, relative to <paramref name="contentRoot"/>.</summary>
    public string ResolvePath(string contentRoot, string clientId) =>
        Path.GetFullPath(Path.Combine(contentRoot, Directory, clientId));
}
