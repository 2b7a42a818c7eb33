namespace SmartOverhalla.Contracts.Topics;

/// <summary>The last segment of a device topic (design.md, "The device contract").</summary>
public enum MessageType
{
    /// <summary>Device → platform, periodic measurements (QoS 1).</summary>
    Telemetry,

    /// <summary>Device → platform, alarms and state changes (QoS 1).</summary>
    Event,

    /// <summary>Device → platform, retained online/offline, also the last will.</summary>
    Status,

    /// <summary>Platform → device, commands (QoS 1), each with a unique cmdId.</summary>
    Cmd,

    /// <summary>Device → platform, the result of one cmdId.</summary>
    Ack,
}
