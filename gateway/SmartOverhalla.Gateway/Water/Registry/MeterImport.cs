using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// At start, imports <c>Water:Registry:ImportFile</c> when set (<see cref="MeterCsv"/>): a bad file stops the start with
/// its line number and reason, and nothing of it is imported.
/// </summary>
internal sealed class MeterImport(MeterRegistry registry, IOptions<WaterOptions> options, IHostEnvironment environment, ILogger<MeterImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.MeterRegistryLoaded(registry.FilePath, registry.Current().Count);
        var import = options.Value.Registry.ImportFile;
        if (string.IsNullOrWhiteSpace(import))
        {
            return;
        }

        var path = Path.GetFullPath(import, environment.ContentRootPath);
        IReadOnlyList<MeterDefinition> meters;
        try
        {
            meters = MeterCsv.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (MeterCsvException ex)
        {
            throw new InvalidDataException($"{WaterOptions.SectionName}:{nameof(WaterOptions.Registry)}:{nameof(WaterRegistryOptions.ImportFile)} {path}:{ex.Line}: {ex.Reason}; nothing imported.", ex);
        }

        var result = await registry.ApplyAsync(meters, cancellationToken);
        logger.MetersImported(path, result.Added, result.Changed, result.Unchanged);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
