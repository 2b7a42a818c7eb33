using System.Globalization;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>Ids of simulated devices: <c>{prefix}-{light|water|plough}-{number}</c>, e.g. <c>sim-light-0001</c>.</summary>
internal static class DeviceIds
{
    /// <summary>Formats the id of the <paramref name="number"/>-th device (1-based) of a kind.</summary>
    public static string Format(string prefix, DeviceKind kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{ShortName(kind)}-{number:D4}");

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
