using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>
/// Which uplinks a profile is for: a network and an application (ChirpStack application name or id, TTS application
/// id), a device profile (ChirpStack device-profile name or id, TTS <c>brand_id/model_id</c>), or both.
/// </summary>
public sealed record ProfileMatch(LoRaWanNetwork Network, string? Application, string? DeviceProfile)
{
    /// <summary>2 when both are given, 1 for a device profile alone, 0 for an application alone: the most specific match wins.</summary>
    public int Specificity => (Application, DeviceProfile) switch
    {
        (not null, not null) => 2,
        (null, not null) => 1,
        _ => 0,
    };

    public bool Matches(NetworkUplink uplink)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        return uplink.Network == Network
            && (Application is null || Application == uplink.ApplicationName || Application == uplink.Application)
            && (DeviceProfile is null || DeviceProfile == uplink.DeviceProfile || DeviceProfile == uplink.DeviceProfileId);
    }

    public override string ToString() =>
        $"{LoRaWanNetworkNames.Of(Network)}{(Application is null ? string.Empty : $" application '{Application}'")}{(DeviceProfile is null ? string.Empty : $" device profile '{DeviceProfile}'")}";
}
