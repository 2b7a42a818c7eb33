using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Alerts;

/// <summary>
/// Open and recently cleared alerts on disk (<see cref="AlertsOptions.StateFile"/>), so an open lamp failure survives a
/// restart. Saved through <see cref="AtomicFile"/>: a crash mid-save leaves the previous state.
/// </summary>
public sealed class AlertStateFile
{
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    public AlertStateFile(IOptions<AlertsOptions> alerts, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(environment);
        Path = System.IO.Path.GetFullPath(alerts.Value.StateFile, environment.ContentRootPath);
    }

    public string Path { get; }

    /// <summary>
    /// The saved alerts; none when there is no file yet. A damaged file stops the start (it would be overwritten
    /// otherwise). A file written before alerts had a domain gets each alert's domain from <paramref name="catalogue"/>.
    /// </summary>
    public IReadOnlyList<Alert> Load(AlertCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (!File.Exists(Path))
        {
            return [];
        }

        using var file = File.OpenRead(Path);
        try
        {
            var alerts = JsonSerializer.Deserialize(file, AlertJsonContext.Default.ListAlert) ?? [];
            return [.. alerts.Select(a => a.Domain is null && catalogue.TryGet(a.Kind, a.Type, out var definition) ? a with { Domain = definition.Domain } : a)];
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The alert state file {Path} is not readable ({ex.Message}); fix or move it away.", ex);
        }
    }

    public async Task SaveAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        await _saveGate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = alerts.ToList();
            await AtomicFile.WriteAsync(
                Path,
                (file, ct) => JsonSerializer.SerializeAsync(file, snapshot, AlertJsonContext.Default.ListAlert, ct),
                cancellationToken,
                AtomicFile.UmaskDefault);
        }
        finally
        {
            _saveGate.Release();
        }
    }
}
