namespace SmartOverhalla.Gateway.Audit;

/// <summary>Audited actions and service actors (the <c>action</c> and <c>actor</c> tags of the <c>audit</c> series).</summary>
public static class AuditActions
{
    /// <summary>An operator set an override (target <c>zone:{id}</c> or <c>light:{id}</c>).</summary>
    public const string OverrideSet = "override.set";

    /// <summary>An operator cancelled an override (target <c>override:{id}</c>).</summary>
    public const string OverrideCancel = "override.cancel";

    /// <summary>Lighting control sent a <c>setDim</c> command (target the light's <c>{municipality}/{device}</c>).</summary>
    public const string CommandSetDim = "command.setDim";

    /// <summary>Prefix of device commands: many per control round, so their log line is at Debug level.</summary>
    public const string CommandPrefix = "command.";

    /// <summary>The actor of commands lighting control decides on its own (schedules, overrides, retries).</summary>
    public const string LightingControlActor = "lighting-control";
}
