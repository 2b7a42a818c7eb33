using SmartOverhalla.Contracts.Alerts;

namespace SmartOverhalla.Water.Alerts;

/// <summary>The water alerts, in plain bokmål for the operators (klarspråk). Raised by the analytics host's water jobs.</summary>
public static class WaterAlertTypes
{
    public const string MeterKind = "watermeter";

    /// <summary>The kind of a district metered area's alerts; the alert's <c>device</c> is the district id.</summary>
    public const string DistrictKind = "waterdistrict";

    /// <summary>Water has run without a flow-free hour for a day after a household's meter: warning (it costs water, it harms no one yet).</summary>
    public static readonly AlertDefinition Leak = new(
        AlertDomains.Water, MeterKind, "leak", AlertSeverity.Warning,
        "Mulig lekkasje: vannet har gått uten stans i over et døgn", "Vannet stopper igjen: lekkasjen er over",
        "No flow-free hour in 24 hours at a household meter (the platform's rule), or the meter's own leak alarm. Cleared at the next flow-free hour.");

    /// <summary>A burst pipe floods a house or a road: critical.</summary>
    public static readonly AlertDefinition Burst = new(
        AlertDomains.Water, MeterKind, "burst", AlertSeverity.Critical,
        "Mulig rørbrudd: svært stort forbruk i over en halv time", "Forbruket er normalt igjen",
        "Flow above half of the meter's nominal flow for 30 minutes (the platform's rule), or the meter's own burst alarm. Cleared when the flow drops.");

    /// <summary>A district's night flow rising well above its own level: a new leak in the municipality's pipes.</summary>
    public static readonly AlertDefinition NightFlow = new(
        AlertDomains.Water, DistrictKind, "nightFlowRise", AlertSeverity.Warning,
        "Nattforbruket i sonen har økt mye: mulig lekkasje på ledningsnettet", "Nattforbruket i sonen er normalt igjen",
        "The district's minimum night flow (02–04) is 50 % and at least 200 L/h above the median of its last 14 nights. Cleared when a night is back below that.");

    /// <summary>Every water alert type.</summary>
    public static IReadOnlyList<AlertDefinition> All { get; } = [Leak, Burst, NightFlow];
}
