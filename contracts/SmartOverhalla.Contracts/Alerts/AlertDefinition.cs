using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Alerts;

/// <summary>
/// One type of alert the platform can raise, as operators see it: keyed by domain, the kind of thing it is about and
/// the type, with its severity and plain bokmål texts (klarspråk). Each domain library declares its own definitions
/// (e.g. <c>LightingAlertTypes</c>); the alert catalogue of a host is the definitions it registers, so a new domain adds
/// alert types without touching another domain's code. The wire names (<see cref="Kind"/>, <see cref="Type"/>) are the
/// <c>kind</c> and <c>type</c> tags of the <c>alert</c> series and the API's and webhook's fields.
/// </summary>
/// <param name="Domain">The domain that owns it: <c>lighting</c>, <c>water</c>, <c>ploughing</c> (<see cref="AlertDomains"/>).</param>
/// <param name="Kind">What it is about: a device kind (<c>streetlight</c>, <c>watermeter</c>, <c>plough</c>) or another thing
/// the platform knows (a water district, a road segment); the alert's <c>device</c> names the one concerned.</param>
/// <param name="Type">The alert type, camelCase, unique within <paramref name="Kind"/>: <c>lampFailure</c>, <c>leak</c>.</param>
/// <param name="Severity">How urgently operators should act.</param>
/// <param name="Message">What is wrong, short and plain, in bokmål: "Lampen er defekt".</param>
/// <param name="ClearedMessage">Why it is over, in bokmål: "Lampen virker igjen".</param>
/// <param name="Description">For developers and the API description (English): what raises it and what clears it.</param>
public sealed record AlertDefinition(
    string Domain,
    string Kind,
    string Type,
    AlertSeverity Severity,
    string Message,
    string ClearedMessage,
    string Description)
{
    /// <summary>The problems of this definition (empty when it is sound): names that would not be safe tags, empty texts.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!DeviceTopic.IsValidMunicipality(Domain))
        {
            problems.Add($"domain '{Domain}' must be a lower-case slug (2–40 of a–z, 0–9, '-')");
        }

        if (!DeviceTopic.IsValidMunicipality(Kind))
        {
            problems.Add($"kind '{Kind}' must be a lower-case slug");
        }

        if (string.IsNullOrEmpty(Type) || Type.Length > 40 || !char.IsAsciiLetterLower(Type[0]) || !Type.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add($"type '{Type}' must be camelCase ASCII letters and digits, at most 40");
        }

        if (string.IsNullOrWhiteSpace(Message) || string.IsNullOrWhiteSpace(ClearedMessage))
        {
            problems.Add($"{Kind}/{Type} needs both a message and a cleared message");
        }

        return problems;
    }

    public override string ToString() => $"{Domain}: {Kind}/{Type}";
}
