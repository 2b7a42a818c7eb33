using System.ComponentModel.DataAnnotations;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Ingestion;

/// <summary>How the ingestion worker subscribes, batches and reports (section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string SectionName = "Ingestion";
    public const int DefaultBatchSize = 5_000;
    public const int DefaultReceiveMaximum = 10_000;

    /// <summary>MQTT client id: fixed, so the broker keeps this worker's persistent session across restarts.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string ClientId { get; set; } = "smartoverhalla-ingestion";

    /// <summary>
    /// How long the broker keeps the session (subscriptions and queued QoS 1 messages) while the worker is away.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Optional MQTT 5 shared-subscription group: several stateless ingestion instances then share the load
    /// (needs a broker that supports <c>$share</c>, e.g. Mosquitto; the embedded broker does not).
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>Most points written in one request.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>
    /// Longest a received message waits before its batch is written. 250 ms keeps publish-to-queryable under a second at
    /// 5,000 msg/s (with 1 s its p99 was 1.45 s, bench/results/pipeline.md); at higher rates batches fill by size first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// MQTT 5 receive maximum: QoS 1 messages the broker may have in flight to this worker unacknowledged.
    /// Messages are acknowledged only after they are stored, so this must exceed <see cref="BatchSize"/>.
    /// </summary>
    [Range(1, 65_535)]
    public int ReceiveMaximum { get; set; } = DefaultReceiveMaximum;

    /// <summary>Items the in-process queue between the MQTT handler and the batch writer holds before the handler waits.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Where rejected messages are published (besides the rejects series in InfluxDB).</summary>
    [Required]
    public string DeadLetterTopic { get; set; } = TopicNames.DeadLetterRoot + "/ingestion";

    /// <summary>How often the worker writes its own counters to InfluxDB and logs a summary line.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SelfMetricsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>This instance's name in the self-metrics series (default: the host name).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string InstanceName { get; set; } = SanitiseHostName(Environment.MachineName);

    /// <summary>First delay before a failed InfluxDB write is retried; it grows exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan WriteRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between two write retries (and between two schema set-up attempts at start).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WriteRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of one batch write after its first attempt, for transient failures (no answer, 5xx, 429, time-out).
    /// When they are spent, or the circuit is open, the batch goes to the spool and is acknowledged from there.
    /// </summary>
    [Range(0, 100)]
    public int WriteRetryAttempts { get; set; } = 3;

    /// <summary>Longest one write attempt may take before it counts as failed (Polly timeout per attempt).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan WriteAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the write circuit stays open after it breaks (half of the writes in 30 s failed, at least 4).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping worker waits for queued messages to be written and acknowledged.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReceiveMaximum <= BatchSize)
        {
            yield return new ValidationResult(
                $"{Key(validationContext, nameof(ReceiveMaximum))}: {ReceiveMaximum} must be greater than {Key(validationContext, nameof(BatchSize))} ({BatchSize}): messages are acknowledged only after their batch is written.",
                [nameof(ReceiveMaximum), nameof(BatchSize)]);
        }

        if (DeadLetterTopic.Contains('+', StringComparison.Ordinal) || DeadLetterTopic.Contains('#', StringComparison.Ordinal)
            || DeadLetterTopic.StartsWith(TopicNames.Root, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{Key(validationContext, nameof(DeadLetterTopic))}: '{DeadLetterTopic}' must be a plain topic outside the device tree {TopicNames.Root}/.",
                [nameof(DeadLetterTopic)]);
        }
    }

    private static string Key(ValidationContext validationContext, string member) => ConfigurationKey.Of(validationContext, member);

    private static string SanitiseHostName(string name)
    {
        var cleaned = new string([.. name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]);
        return cleaned.Length is > 0 and <= 64 ? cleaned : "ingestion";
    }
}
