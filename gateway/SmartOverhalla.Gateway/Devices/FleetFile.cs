namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// A fleet list: one device per line, <c>kind,deviceId,municipality[,role[,devEui]]</c> (the role may be empty when a
/// DevEUI follows); blank lines and lines starting with '#' are skipped. Every field is checked by the device
/// contract's rules, and a DevEUI may appear once only; a bad line is reported with its number.
/// </summary>
internal static class FleetFile
{
    public const string LineFormat = "kind,deviceId,municipality[,role[,devEui]]";

    public static IReadOnlyList<FleetEntry> Parse(IEnumerable<string> lines, string source)
    {
        var devices = new List<FleetEntry>();
        var lineOfDevEui = new Dictionary<string, int>(DevEui.Comparer);
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
            if (fields.Length is < 3 or > 5)
            {
                throw new InvalidDataException($"{source}:{number}: expected {LineFormat}");
            }

            var role = fields.Length >= 4 && fields[3].Length > 0 ? fields[3] : null;
            var devEuiText = fields.Length == 5 ? fields[4] : null;
            var problem = DeviceRequestRules.Check(fields[0], fields[1], fields[2], role, devEuiText, out var kind, out var devEui);
            if (problem is not null)
            {
                throw new InvalidDataException($"{source}:{number}: {problem.Value.Field} {problem.Value.Message}");
            }

            if (devEui is not null && !lineOfDevEui.TryAdd(devEui, number))
            {
                throw new InvalidDataException($"{source}:{number}: devEui {devEui} is already listed on line {lineOfDevEui[devEui]}; a DevEUI names one device");
            }

            devices.Add(new FleetEntry(new DeviceKey(kind, fields[1]), fields[2], role, devEui, $"{source}:{number}"));
        }

        return devices;
    }
}
