using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Alerts;

/// <summary>Configuration section <c>Alerts</c>: where alerts are kept and how they are sent on (validated at start by <see cref="AlertsOptionsValidator"/>).</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    public const string DefaultStateFileName = "alerts.json";

    /// <summary>
    /// File where open alerts (and recently cleared ones) survive a restart: a light reports its lamp failure only
    /// once, so an alert lost in a restart would not come back. Relative to the content root. The gateway defaults it
    /// to <see cref="DefaultStateFileName"/> beside <c>Lighting:StateFile</c>.
    /// </summary>
    [Required]
    public string StateFile { get; set; } = "data/" + DefaultStateFileName;

    /// <summary>How long a cleared alert stays in the API (and the state file); InfluxDB keeps the history.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ClearedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Alerts waiting per notifier sink and for InfluxDB. When a queue is full (a webhook down for a long time
    /// during a storm of alerts) further alerts are dropped for that sink and counted, never waited for.
    /// </summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The webhook sink (off unless <see cref="WebhookOptions.Url"/> is set).</summary>
    [ValidateObjectMembers]
    public WebhookOptions Webhook { get; set; } = new();
}
