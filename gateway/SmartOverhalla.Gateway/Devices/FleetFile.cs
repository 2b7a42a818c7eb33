using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// A fleet list: one device per line, <c>kind,deviceId,municipality[,role]</c>; blank lines and lines starting with
/// '#' are skipped. Every field is checked by the device contract's rules; a bad line is reported with its number.
/// </summary>
internal static class FleetFile
{
    public static IReadOnlyList<(DeviceKey Key, string Municipality, string? Role)> Parse(IEnumerable<string> lines, string source)
    {
        var devices = new List<(DeviceKey, string, string?)>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length is < 3 or > 4)
            {
                throw new InvalidDataException($"{source}:{number}: expected kind,deviceId,municipality[,role]");
            }

            var problem = DeviceRequestRules.Check(fields[0], fields[1], fields[2], fields.Length == 4 ? fields[3] : null, out var kind);
            if (problem is not null)
            {
                throw new InvalidDataException($"{source}:{number}: {problem.Value.Field} {problem.Value.Message}");
            }

            devices.Add((new DeviceKey(kind, fields[1]), fields[2], fields.Length == 4 && fields[3].Length > 0 ? fields[3] : null));
        }

        return devices;
    }
}
