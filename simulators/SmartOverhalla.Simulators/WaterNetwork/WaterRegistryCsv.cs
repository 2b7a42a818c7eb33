using System.Text;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// Writes the water meter registry for the gateway's import: UTF-8 without BOM, separator <c>;</c>, header
/// <c>meterId;municipality;role;district;address</c>, one line per meter (households first, then the district inflow
/// meters), role <c>household</c> or <c>district-inflow</c>, the address for households only. A field holding
/// <c>;</c>, <c>"</c> or a line break is quoted as RFC 4180 says (<c>"</c> doubled). Lines end with LF.
/// </summary>
internal static class WaterRegistryCsv
{
    public const string Header = "meterId;municipality;role;district;address";

    public static string Format(WaterNetworkPlan network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var meter in network.Households)
        {
            var district = meter.District == 0 ? string.Empty : District.NameOf(meter.District);
            AppendLine(text, meter.DeviceId, network.Municipality, MeterRoles.Household, district, meter.Address);
        }

        foreach (var district in network.Districts)
        {
            AppendLine(text, district.InflowMeterId, network.Municipality, MeterRoles.DistrictInflow, district.Name, string.Empty);
        }

        return text.ToString();
    }

    public static async Task WriteAsync(string path, WaterNetworkPlan network, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        OutputFiles.CreateDirectoryOf(path);
        await File.WriteAllTextAsync(path, Format(network), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }

    /// <summary>RFC 4180: a field with the separator, a quote or a line break is put in quotes, its quotes doubled.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void AppendLine(StringBuilder text, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ";").Append(Quote(fields[i]));
        }

        text.Append('\n');
    }
}
