using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Alerts;

namespace SmartOverhalla.Alerts;

/// <summary>
/// One alert, as the API lists it, the webhook receives it and the state file keeps it. There is at most one open alert
/// per <see cref="AlertKey"/>; clearing it sets <see cref="ClearedAt"/>. Times of alerts raised from a device's event are
/// the device's own; of alerts a host finds, the host's (for a derived-data job: the event time it found the condition at).
/// </summary>
/// <param name="Domain">The domain whose catalogue entry it is: <c>lighting</c>, <c>water</c>, <c>ploughing</c>.</param>
/// <param name="Kind">What it is about: <c>streetlight</c>, <c>watermeter</c>, a district, a road (<see cref="AlertDefinition.Kind"/>).</param>
/// <param name="Device">Which one: a device id, a district id, a road segment id.</param>
/// <param name="Type">The alert type's wire name, e.g. <c>lampFailure</c>.</param>
/// <param name="Message">What is wrong, in plain Norwegian bokmål for operators (the catalogue's).</param>
/// <param name="Values">Figures that go with it and may grow while it is open (e.g. <c>estimatedLitresLost</c>); empty for most.</param>
/// <param name="UpdatedAt">When <paramref name="Values"/> last changed, if ever.</param>
/// <param name="ClearedBy">Who or what ended it: <c>recovered</c> (the device said so), <c>ack</c> (the light answered a command), a job's name.</param>
/// <param name="ClearedMessage">Why the alert ended, in plain bokmål.</param>
public sealed record Alert(
    Guid Id,
    string Domain,
    string Municipality,
    string Kind,
    string Device,
    string Type,
    AlertSeverity Severity,
    string Message,
    DateTimeOffset RaisedAt,
    AlertSource Source,
    IReadOnlyDictionary<string, double>? Values = null,
    DateTimeOffset? UpdatedAt = null,
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
