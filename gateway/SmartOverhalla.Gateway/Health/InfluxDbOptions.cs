using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Health;

/// <summary>
/// The part of configuration section <c>InfluxDb</c> the gateway's reachability check needs. The full section
/// (database, credentials, ...) belongs to the shared SmartOverhalla.Influx library; this class goes away when
/// its <c>InfluxHealthCheck</c> replaces <see cref="InfluxPingHealthCheck"/>.
/// </summary>
internal sealed class InfluxDbOptions
{
    public const string SectionName = "InfluxDb";

    /// <summary>Base URL of the InfluxDB v1 HTTP API, e.g. <c>http://127.0.0.1:8086/</c>.</summary>
    [Required]
    public Uri? Url { get; set; }

    /// <summary>Database the platform writes to and reads from.</summary>
    [Required]
    public string Database { get; set; } = "smartoverhalla";
}
