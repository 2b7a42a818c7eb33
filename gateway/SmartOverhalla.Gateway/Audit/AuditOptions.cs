using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>The durable audit log's settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string SectionName = "Audit";

    /// <summary>Entries held in memory while InfluxDB is slow or away; beyond it, entries are only logged.</summary>
    [Range(100, 10_000_000)]
    public int BufferCapacity { get; set; } = 200_000;

    /// <summary>Entries per InfluxDB write.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>First wait after a failed write; doubled (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between write attempts. Writes are retried until they succeed or the gateway stops.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(RetryMaxDelay))}: must not be shorter than {nameof(RetryBaseDelay)} ({RetryBaseDelay}).",
                [nameof(RetryMaxDelay), nameof(RetryBaseDelay)]);
        }
    }
}
