using System.Globalization;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>Ids of simulated devices: <c>{prefix}-{light|water|plough}-{number}</c>, e.g. <c>sim-light-0001</c>.</summary>
internal static class DeviceIds
{
    /// <summary>Formats the id of the <paramref name="number"/>-th device (1-based) of a kind.</summary>
    public static string Format(string prefix, DeviceKind kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{ShortName(kind)}-{number:D4}");

    private static string ShortName(DeviceKind kind) => kind switch
    {
        DeviceKind.Streetlight => "light",
        DeviceKind.Watermeter => "water",
        DeviceKind.Plough => "plough",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };
}
