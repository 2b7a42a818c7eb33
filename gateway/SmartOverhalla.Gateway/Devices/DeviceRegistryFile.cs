using System.Text.Json;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>Reads and writes the registry file; a write goes to a temporary file, is flushed to disk and renamed over the old one, so a crash leaves the old or the new registry, never half of one.</summary>
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

        return content.Devices;
    }

    public async Task SaveAsync(IEnumerable<RegisteredDevice> devices, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        var content = new RegistryFileContent(RegistryFileContent.CurrentVersion, [.. devices.OrderBy(d => d.Kind).ThenBy(d => d.DeviceId, StringComparer.Ordinal)]);
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(file, content, DevicesJsonContext.Default.RegistryFileContent, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        // Only hashes are in it, but they are still nobody else's business.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
