using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>What identifies a device in the registry: its kind and id (an id is unique per kind).</summary>
public readonly record struct DeviceKey(DeviceKind Kind, string DeviceId)
{
    public override string ToString() => $"{TopicNames.Of(Kind)}/{DeviceId}";
}
