namespace SmartOverhalla.Alerts;

/// <summary>Where an alert came from, for the operator who follows it up.</summary>
/// <param name="Origin"><see cref="DeviceEvent"/> (the device reported it), <see cref="CommandSilence"/> (the gateway found
/// it), or <see cref="DerivedData"/> (a derived-data job found it in the series).</param>
/// <param name="Detail">Free text from the device's event or the job (never personal data), bounded.</param>
/// <param name="CmdId">For an unresponsive light: the command that got no ack.</param>
/// <param name="Attempts">For an unresponsive light: how many times that command was sent.</param>
/// <param name="Job">For a derived-data alert: the job that found it, e.g. <c>water-leaks</c>.</param>
public sealed record AlertSource(string Origin, string? Detail = null, string? CmdId = null, int? Attempts = null, string? Job = null)
{
    public const string DeviceEvent = "deviceEvent";
    public const string CommandSilence = "commandSilence";
    public const string DerivedData = "derivedData";

    /// <summary>A device's or job's free text is kept for staff, but not without bound.</summary>
    public const int MaxDetailLength = 500;

    /// <summary><paramref name="detail"/> cut to <see cref="MaxDetailLength"/>.</summary>
    public static string? Bounded(string? detail) => detail is { Length: > MaxDetailLength } text ? text[..MaxDetailLength] : detail;
}
