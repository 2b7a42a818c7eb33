using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Contracts.Tests.Catalog.Rehearsal;

/// <summary>
/// <see cref="WatermeterTelemetry"/> as it would look after step 1 of adding a field (contracts/README.md): one
/// nullable parameter at the end, because older firmware keeps sending v1 payloads without it.
/// </summary>
/// <param name="PressureBar">Water pressure at the meter, bar.</param>
internal sealed record WatermeterTelemetryWithPressure(
    string DeviceId,
    DateTimeOffset Ts,
    double VolumeL,
    double FlowLph,
    double WaterTempC,
    int BatteryPct,
    WatermeterAlarms Alarms,
    double? PressureBar = null) : IDeviceMessage;
