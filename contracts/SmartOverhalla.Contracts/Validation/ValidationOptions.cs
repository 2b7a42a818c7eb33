using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Contracts.Validation;

/// <summary>Limits the validator enforces on device messages.</summary>
public sealed class ValidationOptions
{
    public const int DefaultMaxPayloadBytes = 16 * 1024;
    public const int DefaultMaxDepth = 8;

    /// <summary>Largest payload accepted, bytes. No contract message comes near 16 KiB.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>Deepest JSON nesting accepted (the contract needs 2).</summary>
    [Range(2, 64)]
    public int MaxDepth { get; set; } = DefaultMaxDepth;

    /// <summary>How far in the future a device timestamp may be (device clocks drift).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a device timestamp may be (a device buffering offline, or a backfill).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(400);
}
