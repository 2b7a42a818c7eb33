using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Analytics.Water;

/// <summary>One meter's raw readings as read for a window: register readings in time order, and its own alarm flags when asked for.</summary>
internal sealed class MeterReadings
{
    public List<RegisterReading> Registers { get; } = [];

    public List<AlarmReading> LeakAlarms { get; } = [];

    public List<AlarmReading> BurstAlarms { get; } = [];
}
