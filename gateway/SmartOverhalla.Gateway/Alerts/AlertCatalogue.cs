using System.Collections.Frozen;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Severity and the operators' texts per alert type. Texts are plain, short Norwegian bokmål (the municipality's
/// language policy asks for clear language); the wire names are the contract's event types.
/// </summary>
internal static class AlertCatalogue
{
    /// <summary>The streetlight event that ends its lamp and driver alerts (contract, <c>EventTypes.Streetlight</c>).</summary>
    public const string RecoveredEvent = "recovered";

    public const string ClearedByRecovered = "recovered";
    public const string ClearedByAck = "ack";

    private static readonly FrozenDictionary<string, AlertType> ByWireName = new Dictionary<string, AlertType>(StringComparer.Ordinal)
    {
        ["lampFailure"] = AlertType.LampFailure,
        ["driverFault"] = AlertType.DriverFault,
        ["unresponsive"] = AlertType.Unresponsive,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Alert types raised by device events (the event type is the alert type's wire name).</summary>
    public static IReadOnlyList<AlertType> FromDeviceEvents { get; } = [AlertType.LampFailure, AlertType.DriverFault];

    public static IEnumerable<string> WireNames => ByWireName.Keys.Order(StringComparer.Ordinal);

    public static string WireName(AlertType type) => type switch
    {
        AlertType.LampFailure => "lampFailure",
        AlertType.DriverFault => "driverFault",
        AlertType.Unresponsive => "unresponsive",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown alert type."),
    };

    /// <summary>Exact wire names only (<c>lampFailure</c>), as the contract spells them.</summary>
    public static bool TryParse(string? wireName, out AlertType type) => ByWireName.TryGetValue(wireName ?? string.Empty, out type);

    /// <summary>
    /// A failed lamp leaves part of a road dark and cannot fix itself: critical. A driver fault wastes energy and
    /// an unresponsive light cannot be dimmed, but both stay lit (the light keeps its local fallback schedule,
    /// design.md "Control"): warning.
    /// </summary>
    public static AlertSeverity Severity(AlertType type) => type == AlertType.LampFailure ? AlertSeverity.Critical : AlertSeverity.Warning;

    /// <summary>The severity's wire name, as the API writes it: <c>warning</c>, <c>critical</c>.</summary>
    public static string WireName(AlertSeverity severity) => severity == AlertSeverity.Critical ? "critical" : "warning";

    public static string Message(AlertType type) => type switch
    {
        AlertType.LampFailure => "Lampen er defekt",
        AlertType.DriverFault => "Driverfeil: strømforbruket passer ikke med dimmenivået",
        AlertType.Unresponsive => "Lyset svarer ikke på kommandoer",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown alert type."),
    };

    public static string ClearedMessage(AlertType type) => type switch
    {
        AlertType.LampFailure => "Lampen virker igjen",
        AlertType.DriverFault => "Driveren virker igjen",
        AlertType.Unresponsive => "Lyset svarer igjen",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown alert type."),
    };
}
