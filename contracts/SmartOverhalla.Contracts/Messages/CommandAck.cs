namespace SmartOverhalla.Contracts.Messages;

/// <summary>The device's answer to one command.</summary>
/// <param name="CmdId">The command answered.</param>
/// <param name="Result">Applied or rejected.</param>
/// <param name="AppliedLevel">For setDim: the level now in force.</param>
/// <param name="Reason">For a rejection: why.</param>
public sealed record CommandAck(
    string DeviceId,
    DateTimeOffset Ts,
    string CmdId,
    AckResult Result,
    int? AppliedLevel = null,
    string? Reason = null) : IDeviceMessage;
