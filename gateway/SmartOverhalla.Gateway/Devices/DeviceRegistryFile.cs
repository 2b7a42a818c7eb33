using System.Text.Json;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>Reads and writes the registry file; a write goes through <see cref="AtomicFile"/>, so a crash leaves the old or the new registry, never half of one.</summary>
internal sealed class DeviceRegistryFile(string path)
{
    public string Path { get; } = path;

    public List<RegisteredDevice> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var file = File.OpenRead(Path);
        var content = JsonSerializer.Deserialize(file, DevicesJsonContext.Default.RegistryFileContent)
            ?? throw new InvalidDataException($"Device registry {Path} is empty.");
        if (content.Version != RegistryFileContent.CurrentVersion)
        {
            throw new InvalidDataException($"Device registry {Path} has version {content.Version}; this gateway reads version {RegistryFileContent.CurrentVersion}.");
        }

        CheckDevEuis(content.Devices);
        return content.Devices;
    }

    /// <summary>A hand-edited file must keep the registry's own rules for DevEUIs: well-formed, upper-case, unique.</summary>
    private void CheckDevEuis(List<RegisteredDevice> devices)
    {
        var seen = new Dictionary<string, DeviceKey>(DevEui.Comparer);
        foreach (var device in devices.Where(d => d.DevEui is not null))
        {
            if (!DevEui.TryNormalize(device.DevEui, out var normalized) || !string.Equals(normalized, device.DevEui, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Device registry {Path}: {device.Key} has devEui '{device.DevEui}', which {DevEui.Rule} (upper-case).");
            }

            if (!seen.TryAdd(normalized, device.Key))
            {
                throw new InvalidDataException($"Device registry {Path}: {device.Key} and {seen[normalized]} have the same devEui {normalized}.");
            }
        }
    }

    public async Task SaveAsync(IEnumerable<RegisteredDevice> devices, CancellationToken cancellationToken)
    {
        var content = new RegistryFileContent(RegistryFileContent.CurrentVersion, [.. devices.OrderBy(d => d.Kind).ThenBy(d => d.DeviceId, StringComparer.Ordinal)]);

        // Only hashes are in it, but they are still nobody else's business: owner-only.
        await AtomicFile.WriteAsync(
            Path,
            (file, ct) => JsonSerializer.SerializeAsync(file, content, DevicesJsonContext.Default.RegistryFileContent, ct),
            cancellationToken,
            AtomicFile.OwnerOnly);
    }
}
