namespace SmartOverhalla.Simulators.Devices.Commands;

/// <summary>Values of the <c>command.outcome</c> tag of the simulators' command counter.</summary>
internal static class CommandOutcomes
{
    /// <summary>A new command, applied.</summary>
    public const string Applied = "applied";

    /// <summary>A new command with a readable cmdId, refused with a reason.</summary>
    public const string Rejected = "rejected";

    /// <summary>A cmdId handled before: answered again, not applied again.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>No cmdId could be read: logged and dropped, nothing to answer.</summary>
    public const string Dropped = "dropped";
}
