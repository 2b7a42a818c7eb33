namespace SmartOverhalla.Contracts.Messages;

/// <summary>Set a street light's dim level (<c>type: "setDim"</c>).</summary>
/// <param name="Level">Wanted light output, 0–100 %.</param>
/// <param name="Reason">Why, for the log and the operator (e.g. <c>profile</c>, <c>override</c>).</param>
/// <param name="UntilTs">Optional end; after it the light returns to its own schedule.</param>
public sealed record SetDimCommand(
    string CmdId,
    DateTimeOffset Ts,
    int Level,
    string Reason,
    DateTimeOffset? UntilTs = null) : DeviceCommand(CmdId, Ts);
