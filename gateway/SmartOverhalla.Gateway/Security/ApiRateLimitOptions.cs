using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// Requests allowed per fixed window (section <c>ApiRateLimit</c>): per API key for authenticated requests, per
/// client address for the rest (which includes every wrong key, so guessing keys is slow). /health is exempt.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "ApiRateLimit";

    public const int DefaultPermitsPerKey = 600;
    public const int DefaultPermitsPerAddress = 60;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    /// <summary>Requests one API key may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerKey { get; set; } = DefaultPermitsPerKey;

    /// <summary>Requests without a valid key one client address may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerAddress { get; set; } = DefaultPermitsPerAddress;

    /// <summary>Length of the window (1 s to 1 day).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = DefaultWindow;
}
