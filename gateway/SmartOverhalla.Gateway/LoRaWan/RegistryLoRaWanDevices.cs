using System.Diagnostics.CodeAnalysis;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Devices;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>The gateway's own device registry as <see cref="ILoRaWanRegistry"/>: devices registered with a DevEUI.</summary>
internal sealed class RegistryLoRaWanDevices(DeviceRegistry registry) : ILoRaWanRegistry
{
    public bool TryFindByDevEui(string devEui, [NotNullWhen(true)] out LoRaWanIdentity? identity)
    {
        identity = registry.FindByDevEui(devEui) is { DevEui: { } eui } device ? new LoRaWanIdentity(eui, device.Municipality, device.Kind, device.DeviceId) : null;
        return identity is not null;
    }

    public bool TryFindLight(string municipality, string lightId, [NotNullWhen(true)] out LoRaWanIdentity? identity)
    {
        identity = registry.Find(new DeviceKey(DeviceKind.Streetlight, lightId)) is { DevEui: { } eui } device && device.Municipality == municipality
            ? new LoRaWanIdentity(eui, device.Municipality, device.Kind, device.DeviceId)
            : null;
        return identity is not null;
    }
}
