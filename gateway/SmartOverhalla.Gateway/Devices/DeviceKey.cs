using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>What identifies a device in the registry: its kind and id (the registry keeps an id unique across kinds too: it is the MQTT client id).</summary>
public readonly record struct DeviceKey(DeviceKind Kind, string DeviceId)
{
    public override string ToString() => $"{TopicNames.Of(Kind)}/{DeviceId}";
}
