using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>
/// Section <c>Ingestion:Flood</c>: the per-device message budget the worker watches (a token bucket per device,
/// counted over every message whose topic names a device). Devices send about one message a second or less
/// (design.md: telemetry every few seconds to minutes, events rarely), so the defaults leave a wide margin.
/// </summary>
public sealed class DeviceFloodOptions
{
    public const string SectionName = "Ingestion:Flood";
    public const double DefaultSustainedPerSecond = 20;
    public const int DefaultBurst = 100;

    /// <summary>Messages per second a device may send indefinitely (the bucket's refill rate).</summary>
    [Range(0.1, 1_000_000)]
    public double SustainedPerSecond { get; set; } = DefaultSustainedPerSecond;

    /// <summary>
    /// Messages a device may send at once above the sustained rate (the bucket's size): a device that was offline
    /// sends what it buffered when it returns, e.g. a water meter's day of 15-minute readings is 96 messages.
    /// </summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;

    /// <summary>What happens to messages over the budget; see <see cref="FloodAction"/>.</summary>
    public FloodAction Action { get; set; } = FloodAction.Store;

    /// <summary>A flood episode ends when the device has stayed within its budget this long (one log line per episode).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most devices tracked at once (about 150 bytes each). Idle devices are forgotten after <see cref="QuietPeriod"/>;
    /// past this limit a new device is not tracked until room is made, so memory stays bounded even when a client
    /// invents device ids.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedDevices { get; set; } = 100_000;
}
