using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Configuration section <c>Lighting</c>: how the gateway commands street lights and waits for their acks.</summary>
internal sealed class LightingControlOptions
{
    public const string SectionName = "Lighting";

    /// <summary>Whether the gateway runs lighting control at all (off: it only hosts the broker and the API).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>MQTT client id of the gateway's control connection: the only client that may publish commands.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string ClientId { get; set; } = "smartoverhalla-gateway";

    /// <summary>How often desired state is recomputed and compared with what the lights reported.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ControlInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one attempt waits for the light's ack before it is sent again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per command (the first send included) before the light is marked unresponsive.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the second attempt; it doubles per attempt, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an unresponsive light is left alone before the gateway tries it again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UnresponsiveRetryAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Commands in flight at once (a zone-wide step on thousands of lights is spread over this many).</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentCommands { get; set; } = 5_000;

    /// <summary>
    /// The zones and dimming profiles (YAML, see domains/SmartOverhalla.Lighting/README.md), relative to the content
    /// root; re-read when it changes. Empty: no zones, lights are left alone.
    /// </summary>
    public string? ZonesFile { get; set; } = "lighting-zones.yaml";

    /// <summary>How often the zones file is checked for changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ZonesReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>File where desired state and acknowledged levels survive a gateway restart.</summary>
    [Required]
    public string StateFile { get; set; } = "data/lighting-state.json";
}
