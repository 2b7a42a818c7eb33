using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Section <c>Broker:Embedded:PublishRateLimit</c>: a token bucket per MQTT identity (an authenticated client's
/// user name; an anonymous Development client's id) for what it publishes. Devices
/// send about one message a second or less (design.md), so the defaults stop only a runaway client. A client over
/// its budget is first slowed down to the sustained rate; one that keeps going over it for
/// <see cref="DisconnectAfter"/> is disconnected, and its identity gets nothing through for another
/// <see cref="DisconnectAfter"/> (reconnecting does not refill the bucket).
/// </summary>
internal sealed class PublishRateLimitOptions
{
    public const double DefaultSustainedPerSecond = 20;
    public const int DefaultBurst = 100;
    public const int DefaultMaxTrackedIdentities = 100_000;

    /// <summary>Whether the embedded broker limits publish rates at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages per second a client may publish indefinitely.</summary>
    [Range(0.1, 1_000_000)]
    public double SustainedPerSecond { get; set; } = DefaultSustainedPerSecond;

    /// <summary>Messages a client may publish at once above the sustained rate (a device sending what it buffered offline).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;

    /// <summary>
    /// How long a client may stay throttled without a pause before it is disconnected; also how long its identity's
    /// bucket stays empty after that disconnect (the penalty), whatever connection it publishes on.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DisconnectAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A client that has not been throttled for this long has ended its flood episode (one log line per episode). Also
    /// the sweep interval: a bucket that is full again and unused for this long is forgotten at the next sweep.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Above this many tracked identities the limiter forgets idle full buckets at once instead of on its schedule, and
    /// warns if it still cannot get below it (buckets that are not full are never forgotten early: forgetting one would
    /// hand its identity a fresh burst). A registry has one identity per device, so this is a safety net only.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedIdentities { get; set; } = DefaultMaxTrackedIdentities;

    /// <summary>
    /// Client ids never limited among clients that have no broker principal (anonymous, Development only), e.g. load
    /// tools. A pattern is an exact id or a prefix ending in <c>*</c>. Configured entries are added to the default
    /// <c>smartoverhalla-*</c>. Authenticated service accounts are always exempt and devices never, whatever their id.
    /// </summary>
    public IList<string> ExemptClientIds { get; } = ["smartoverhalla-*"];

    /// <summary>User names never limited (same pattern form), among clients without a broker principal.</summary>
    public IList<string> ExemptUserNames { get; } = [];
}
