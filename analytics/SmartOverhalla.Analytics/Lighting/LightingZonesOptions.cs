using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>
/// The zones file the lighting jobs attribute lights to: the keys of the gateway's <c>Lighting</c> section, so one
/// setting serves both hosts.
/// </summary>
internal sealed class LightingZonesOptions
{
    public const string SectionName = "Lighting";

    /// <summary>The zones and dimming profiles (YAML); a relative path is found beside the host's binaries, where the build puts it.</summary>
    [Required]
    public string ZonesFile { get; set; } = "lighting-zones.yaml";

    /// <summary>How often the zones file is checked for changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ZonesReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The zones file's full path.</summary>
    public string ZonesPath() => Path.GetFullPath(ZonesFile, AppContext.BaseDirectory);
}
