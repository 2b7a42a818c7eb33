namespace SmartOverhalla.Contracts.Messages;

/// <summary>Alarm flags a digital water meter reports with every telemetry message.</summary>
public sealed record WatermeterAlarms(
    bool Leak,
    bool Burst,
    bool Backflow,
    bool Dry,
    bool Tamper,
    bool LowBattery);
