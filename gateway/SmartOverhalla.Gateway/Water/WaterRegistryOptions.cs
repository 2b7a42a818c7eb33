using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Water;

/// <summary>Section <c>Water:Registry</c>: where the meter registry lives and what it imports at start.</summary>
internal sealed class WaterRegistryOptions
{
    /// <summary>The registry (meters, their districts and households' addresses, retired entries kept), relative to the content root; owner-only, written atomically.</summary>
    [Required]
    public string File { get; set; } = "data/water-meters.json";

    /// <summary>
    /// Optional CSV file (<c>meterId;municipality;role;district;address</c>, README "Water") imported at start: new meters
    /// are added, changed ones updated (the old entry kept as retired), meters not listed left as they are.
    /// </summary>
    public string? ImportFile { get; set; }
}
