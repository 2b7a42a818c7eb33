namespace SmartOverhalla.Contracts.Messages;

/// <summary>Periodic measurement of one LED street-light controller.</summary>
/// <param name="DimLevel">Light output, 0–100 %.</param>
/// <param name="PowerW">Electrical power drawn now, watts (≥ 0).</param>
/// <param name="EnergyKWh">Cumulative energy register, kWh (≥ 0, never decreases).</param>
/// <param name="LampOn">Whether the lamp is lit.</param>
public sealed record StreetlightTelemetry(
    string DeviceId,
    DateTimeOffset Ts,
    int DimLevel,
    double PowerW,
    double EnergyKWh,
    bool LampOn) : IDeviceMessage;
