using System.Text;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// Writes a fleet as the gateway's device import list: <c>kind,deviceId,municipality</c> per line, and
/// <c>kind,deviceId,municipality,role,devEui</c> (role empty) for a LoRaWAN device (lorawan.md, "Platform side"). The
/// gateway registers each device with its fleet-key secret, the same one the simulated device derives; a device with a
/// DevEUI gets none, as it reaches the platform through its network server.
/// </summary>
internal static class FleetList
{
    public static async Task WriteAsync(string path, IEnumerable<SimulatedDevice> devices, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("# kind,deviceId,municipality[,role,devEui]: written by the SmartOverhalla simulators (--write-fleet)\n");
        foreach (var device in devices)
        {
            text.Append(TopicNames.Of(device.Kind)).Append(',').Append(device.DeviceId).Append(',').Append(device.Telemetry.Municipality);
            if (device.LoRaWan is { } loRaWan)
            {
                text.Append(",,").Append(loRaWan.DevEui);
            }

            text.Append('\n');
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }
}
