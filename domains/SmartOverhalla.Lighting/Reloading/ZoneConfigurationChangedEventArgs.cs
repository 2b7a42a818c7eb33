using SmartOverhalla.Lighting.Configuration;

namespace SmartOverhalla.Lighting.Reloading;

/// <summary>The zone configuration was swapped.</summary>
public sealed class ZoneConfigurationChangedEventArgs(ZoneConfiguration previous, ZoneConfiguration current) : EventArgs
{
    /// <summary>The configuration that was in force before.</summary>
    public ZoneConfiguration Previous { get; } = previous;

    /// <summary>The configuration in force now.</summary>
    public ZoneConfiguration Current { get; } = current;
}
