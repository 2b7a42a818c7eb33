using System.Collections.Frozen;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Messages;

/// <summary>The event types each kind of device may send (design.md; extend, never rename without v2).</summary>
public static class EventTypes
{
    public static readonly FrozenSet<string> Streetlight =
        FrozenSet.Create(StringComparer.Ordinal, "lampFailure", "driverFault", "powerLoss", "recovered");

    public static readonly FrozenSet<string> Watermeter =
        FrozenSet.Create(StringComparer.Ordinal, "leak", "burst", "backflow", "dry", "tamper", "lowBattery", "recovered");

    public static readonly FrozenSet<string> Plough =
        FrozenSet.Create(StringComparer.Ordinal, "ploughDown", "ploughUp", "spreadingStarted", "spreadingStopped", "shiftStarted", "shiftEnded");

    public static FrozenSet<string> For(DeviceKind kind) => kind switch
    {
        DeviceKind.Streetlight => Streetlight,
        DeviceKind.Watermeter => Watermeter,
        DeviceKind.Plough => Plough,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };
}
