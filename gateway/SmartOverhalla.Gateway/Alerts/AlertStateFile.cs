using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartOverhalla.DurableFiles;
using SmartOverhalla.Gateway.Lighting;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Open and recently cleared alerts on disk (<see cref="AlertsOptions.StateFile"/>, by default <c>alerts.json</c>
/// beside the lighting state), so an open lamp failure survives a restart. Saved through <see cref="AtomicFile"/>: a
/// crash mid-save leaves the previous state.
/// </summary>
internal sealed class AlertStateFile
{
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    public AlertStateFile(IOptions<AlertsOptions> alerts, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(environment);
        Path = System.IO.Path.GetFullPath(alerts.Value.StateFile ?? AlertsOptions.DefaultStateFileName, environment.ContentRootPath);
    }

    public string Path { get; }

    /// <summary>
    /// <paramref name="configured"/>, or <see cref="AlertsOptions.DefaultStateFileName"/> in the folder of
    /// <c>Lighting:StateFile</c> (read from configuration: the alerts need not run with lighting's options bound).
    /// </summary>
    public static string DefaultPath(string? configured, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var lightingState = configuration[$"{LightingControlOptions.SectionName}:{nameof(LightingControlOptions.StateFile)}"];
        var folder = System.IO.Path.GetDirectoryName(string.IsNullOrWhiteSpace(lightingState) ? new LightingControlOptions().StateFile : lightingState);
        return System.IO.Path.Combine(folder ?? string.Empty, AlertsOptions.DefaultStateFileName);
    }

    /// <summary>The saved alerts; none when there is no file yet. A damaged file stops the start (it would be overwritten otherwise).</summary>
    public IReadOnlyList<Alert> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var file = File.OpenRead(Path);
        try
        {
            return JsonSerializer.Deserialize(file, AlertJsonContext.Default.ListAlert) ?? [];
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
