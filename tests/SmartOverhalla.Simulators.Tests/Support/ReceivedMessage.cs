using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Tests.Support;

/// <summary>One message as a subscriber received it.</summary>
internal sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retain)
{
    /// <summary>The parsed device topic, or null for a topic outside the device tree (the sentinel).</summary>
    public DeviceTopic? DeviceTopic => SmartOverhalla.Contracts.Topics.DeviceTopic.TryParse(Topic, out var topic, out _) ? topic : null;

    public bool Is(MessageType type) => DeviceTopic?.Message == type;
}
