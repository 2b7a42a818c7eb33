using SmartOverhalla.Lighting.Configuration;

namespace SmartOverhalla.Lighting.Reloading;

/// <summary>
/// The zone configuration in force. It changes only to another valid configuration, swapped whole: a reader
/// never sees half of an edit, and an invalid edit never replaces a working file.
/// </summary>
public interface IZoneConfigurationSource
{
    /// <summary>The configuration in force now. Read it once per decision and use that object throughout.</summary>
    ZoneConfiguration Current { get; }

    /// <summary>The last edit that was refused (and why), or null when the file on disk is the one in force.</summary>
    ZoneConfigurationRejection? LastRejection { get; }

    /// <summary>Raised after <see cref="Current"/> has been swapped for a new valid configuration.</summary>
    event EventHandler<ZoneConfigurationChangedEventArgs>? Changed;
}
