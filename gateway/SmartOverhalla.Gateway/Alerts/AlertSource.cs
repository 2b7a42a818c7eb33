namespace SmartOverhalla.Gateway.Alerts;

/// <summary>Where an alert came from, for the operator who follows it up.</summary>
/// <param name="Origin"><see cref="DeviceEvent"/> (the device reported it) or <see cref="CommandSilence"/> (the gateway found it).</param>
/// <param name="Detail">The device's own free text from its event (never personal data, by the contract).</param>
/// <param name="CmdId">For an unresponsive light: the command that got no ack.</param>
/// <param name="Attempts">For an unresponsive light: how many times that command was sent.</param>
internal sealed record AlertSource(string Origin, string? Detail = null, string? CmdId = null, int? Attempts = null)
{
    public const string DeviceEvent = "deviceEvent";
    public const string CommandSilence = "commandSilence";
}
