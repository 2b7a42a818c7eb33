using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Section <c>Broker:Embedded:PublishRateLimit</c>: a token bucket per MQTT client for what it publishes. Devices
/// send about one message a second or less (design.md), so the defaults stop only a runaway client. A client over
/// its budget is first slowed down to the sustained rate; one that keeps going over it for
/// <see cref="DisconnectAfter"/> is disconnected.
/// </summary>
internal sealed class PublishRateLimitOptions
{
    public const double DefaultSustainedPerSecond = 20;
    public const int DefaultBurst = 100;

    /// <summary>Whether the embedded broker limits publish rates at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages per second a client may publish indefinitely.</summary>
    [Range(0.1, 1_000_000)]
    public double SustainedPerSecond { get; set; } = DefaultSustainedPerSecond;

    /// <summary>Messages a client may publish at once above the sustained rate (a device sending what it buffered offline).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;

    /// <summary>How long a client may stay throttled without a pause before it is disconnected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DisconnectAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A client that has not been throttled for this long has ended its flood episode (one log line per episode).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Client ids never limited among clients that have no broker principal (anonymous, Development only), e.g. load
    /// tools. A pattern is an exact id or a prefix ending in <c>*</c>. Configured entries are added to the default
    /// <c>smartoverhalla-*</c>. Authenticated service accounts are always exempt and devices never, whatever their id.
    /// </summary>
    public IList<string> ExemptClientIds { get; } = ["smartoverhalla-*"];

    /// <summary>User names never limited (same pattern form), among clients without a broker principal.</summary>
    public IList<string> ExemptUserNames { get; } = [];
}
