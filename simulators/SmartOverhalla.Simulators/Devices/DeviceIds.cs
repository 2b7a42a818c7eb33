using System.Globalization;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>Ids of simulated devices: <c>{prefix}-{light|water|plough}-{number}</c>, e.g. <c>sim-light-0001</c>; district inflow meters <c>{prefix}-inflow-{district}</c>.</summary>
internal static class DeviceIds
{
    /// <summary>Formats the id of the <paramref name="number"/>-th device (1-based) of a kind.</summary>
    public static string Format(string prefix, DeviceKind kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{ShortName(kind)}-{number:D4}");

    /// <summary>The id of the inflow meter of district <paramref name="district"/> (1-based), e.g. <c>sim-inflow-01</c>: a water meter of its own.</summary>
    public static string FormatInflow(string prefix, int district) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-inflow-{district:D2}");

    /// <summary>The number of the device of <paramref name="kind"/> that <see cref="Format"/> names <paramref name="deviceId"/>, if any.</summary>
    public static bool TryParseNumber(string prefix, DeviceKind kind, string? deviceId, out int number)
    {
        number = 0;
        var start = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{ShortName(kind)}-");
        return deviceId is not null
            && deviceId.StartsWith(start, StringComparison.Ordinal)
            && int.TryParse(deviceId.AsSpan(start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number >= 1
            && Format(prefix, kind, number) == deviceId;
    }

    private static string ShortName(DeviceKind kind) => kind switch
    {
        DeviceKind.Streetlight => "light",
        DeviceKind.Watermeter => "water",
        DeviceKind.Plough => "plough",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };
}
