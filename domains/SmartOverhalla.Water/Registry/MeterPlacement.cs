namespace SmartOverhalla.Water.Registry;

/// <summary>
/// The part of a meter's registry entry that analytics, InfluxDB, dashboards and exports may see: its id, role and
/// district. Never an address or a name: those stay in the gateway's registry (design.md, "Security and privacy").
/// </summary>
/// <param name="Municipality">Tenant slug, as in the meter's topic.</param>
/// <param name="Meter">The meter's device id (pseudonymous).</param>
/// <param name="District">The district metered area it belongs to (household) or feeds (district inflow).</param>
public sealed record MeterPlacement(string Municipality, string Meter, MeterRole Role, string District);
