using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Section <c>Health</c>: how <c>/health</c> bounds what anonymous probes can cost the dependencies.</summary>
internal sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Default of <see cref="ReadinessCacheDuration"/>: shorter than any orchestrator's probe period.</summary>
    public static readonly TimeSpan DefaultReadinessCacheDuration = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one readiness check (an MQTT login to an external broker, an InfluxDB ping) answers <c>/health</c>
    /// before the next request runs a new one. Whatever the request rate, the dependencies see at most one check per
    /// period, and never two at once. A dependency that fails is reported within this period plus the check timeout.
    /// Zero checks on every request, still one at a time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReadinessCacheDuration { get; set; } = DefaultReadinessCacheDuration;
}
