using System.Text.Json.Serialization;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// One alert, as the API lists it, the webhook receives it and the state file keeps it. There is at most one
/// open alert per device and type (<see cref="AlertKey"/>); clearing it sets <see cref="ClearedAt"/>.
/// Times of alerts raised by a device event are the device's own (<c>ts</c>); the gateway's otherwise.
/// </summary>
/// <param name="Message">What is wrong, in plain Norwegian bokmål for operators (<see cref="AlertCatalogue"/>).</param>
/// <param name="ClearedBy"><c>recovered</c> (the device said so) or <c>ack</c> (the light answered a command).</param>
/// <param name="ClearedMessage">Why the alert ended, in plain bokmål.</param>
internal sealed record Alert(
    Guid Id,
    string Municipality,
    string Kind,
    string Device,
    AlertType Type,
    AlertSeverity Severity,
    string Message,
    DateTimeOffset RaisedAt,
    AlertSource Source,
    DateTimeOffset? ClearedAt = null,
    string? ClearedBy = null,
    string? ClearedMessage = null)
{
    /// <summary>True until the alert is cleared.</summary>
    public bool Active => ClearedAt is null;

    /// <summary>What makes it the same problem (not serialized: the fields above say it).</summary>
    [JsonIgnore]
    public AlertKey Key => new(Municipality, Kind, Device, Type);
}
