using System.Text.Json;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>Reads and writes the meter registry file through <see cref="AtomicFile"/>, owner-only: it holds addresses.</summary>
internal sealed class MeterRegistryFile(string path)
{
    public string Path { get; } = path;

    public List<MeterEntry> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var file = File.OpenRead(Path);
        var content = JsonSerializer.Deserialize(file, WaterJsonContext.Default.MeterRegistryContent)
            ?? throw new InvalidDataException($"Meter registry {Path} is empty.");
        if (content.Version != MeterRegistryContent.CurrentVersion)
        {
            throw new InvalidDataException($"Meter registry {Path} has version {content.Version}; this gateway reads version {MeterRegistryContent.CurrentVersion}.");
        }

        return content.Meters;
    }

    public Task SaveAsync(IEnumerable<MeterEntry> meters, CancellationToken cancellationToken)
    {
        var content = new MeterRegistryContent(
            MeterRegistryContent.CurrentVersion,
            [.. meters.OrderBy(m => m.Municipality, StringComparer.Ordinal).ThenBy(m => m.MeterId, StringComparer.Ordinal).ThenBy(m => m.From)]);
        return AtomicFile.WriteAsync(
            Path,
            (file, ct) => JsonSerializer.SerializeAsync(file, content, WaterJsonContext.Default.MeterRegistryContent, ct),
            cancellationToken,
            AtomicFile.OwnerOnly);
    }
}
