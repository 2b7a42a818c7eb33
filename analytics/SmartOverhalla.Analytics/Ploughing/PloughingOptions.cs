using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>
/// Configuration section <c>Ploughing</c>: whose ploughs the map matching job follows, on which road network, and how
/// the vehicles are shared out between analytics instances. When the job runs is <c>Analytics:Jobs:PloughMatching</c>.
/// </summary>
internal sealed class PloughingOptions
{
    public const string SectionName = "Ploughing";

    public const int DefaultVehicleGroups = 4;

    /// <summary>The municipality (tenant slug) whose ploughs are followed, as in their topics.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$")]
    public string Municipality { get; set; } = "overhalla";

    /// <summary>
    /// The road network, a GeoJSON file in the shape the README's "Ploughing" section describes (relative paths from the
    /// working directory); empty: the synthetic network around Overhalla shipped with the library (logged as a warning).
    /// </summary>
    public string? RoadNetworkFile { get; set; }

    /// <summary>
    /// The vehicles are shared out into this many groups by a hash of their id, the job's partitions: each analytics
    /// instance matches the groups it owns (instance i of n), every vehicle in exactly one.
    /// </summary>
    [Range(1, 256)]
    public int VehicleGroups { get; set; } = DefaultVehicleGroups;

    /// <summary>
    /// How far before and after a window the job reads a vehicle's fixes, so a pass that crosses the window's edge is
    /// matched whole (it is written by the window it starts in).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan ReadMargin { get; set; } = TimeSpan.FromMinutes(30);
}
