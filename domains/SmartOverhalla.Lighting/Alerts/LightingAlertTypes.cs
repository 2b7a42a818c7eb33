using SmartOverhalla.Contracts.Alerts;

namespace SmartOverhalla.Lighting.Alerts;

/// <summary>
/// The street-lighting alerts (operators' texts in plain bokmål, as the municipality's language policy asks). The wire
/// names of the two device faults are the contract's streetlight event types.
/// </summary>
public static class LightingAlertTypes
{
    public const string Kind = "streetlight";

    /// <summary>
    /// A failed lamp leaves part of a road dark and cannot fix itself: critical. Raised by the light's <c>lampFailure</c>
    /// event, cleared by its <c>recovered</c>.
    /// </summary>
    public static readonly AlertDefinition LampFailure = new(
        AlertDomains.Lighting, Kind, "lampFailure", AlertSeverity.Critical,
        "Lampen er defekt", "Lampen virker igjen",
        "The light reports lampFailure: asked to light, it draws no lamp current. Cleared by its recovered event.");

    /// <summary>A driver fault wastes energy, but the light stays lit: warning. Raised by <c>driverFault</c>, cleared by <c>recovered</c>.</summary>
    public static readonly AlertDefinition DriverFault = new(
        AlertDomains.Lighting, Kind, "driverFault", AlertSeverity.Warning,
        "Driverfeil: strømforbruket passer ikke med dimmenivået", "Driveren virker igjen",
        "The light reports driverFault: its power draw does not match its dim level. Cleared by its recovered event.");

    /// <summary>
    /// An unresponsive light cannot be dimmed, but keeps its local fallback schedule (design.md, "Control"): warning.
    /// Raised by the gateway after every attempt of a command went unanswered; cleared by the light's next ack.
    /// </summary>
    public static readonly AlertDefinition Unresponsive = new(
        AlertDomains.Lighting, Kind, "unresponsive", AlertSeverity.Warning,
        "Lyset svarer ikke på kommandoer", "Lyset svarer igjen",
        "The gateway got no ack to a command after every attempt. Cleared when the light acks a command again.");

    /// <summary>Every lighting alert type.</summary>
    public static IReadOnlyList<AlertDefinition> All { get; } = [LampFailure, DriverFault, Unresponsive];

    /// <summary>The types a light's own events raise (the event type is the alert type).</summary>
    public static IReadOnlyList<AlertDefinition> FromDeviceEvents { get; } = [LampFailure, DriverFault];

    /// <summary>The streetlight event that ends its lamp and driver alerts.</summary>
    public const string RecoveredEvent = "recovered";
}
