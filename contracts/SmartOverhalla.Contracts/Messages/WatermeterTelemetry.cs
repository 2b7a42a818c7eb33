namespace SmartOverhalla.Contracts.Messages;

/// <summary>Periodic measurement of one digital household (or district inflow) water meter.</summary>
/// <param name="VolumeL">Cumulative register, litres (≥ 0, never decreases).</param>
/// <param name="FlowLph">Current flow, litres per hour (≥ 0).</param>
/// <param name="WaterTempC">Water temperature, °C.</param>
/// <param name="BatteryPct">Battery level, 0–100 %.</param>
public sealed record WatermeterTelemetry(
    string DeviceId,
    DateTimeOffset Ts,
    double VolumeL,
    double FlowLph,
    double WaterTempC,
    int BatteryPct,
    WatermeterAlarms Alarms) : IDeviceMessage;
