using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Checks at start that the spool directory can be created and written: finding out during an InfluxDB
/// outage would be too late.
/// </summary>
internal sealed class SpoolPathValidator(IHostEnvironment environment, IOptions<IngestionOptions> ingestion) : IValidateOptions<SpoolOptions>
{
    public ValidateOptionsResult Validate(string? name, SpoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string path;
        try
        {
            path = options.ResolvePath(environment.ContentRootPath, ingestion.Value.ClientId);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"Ingestion:Spool:Directory '{options.Directory}' is not a valid path: {ex.Message}");
        }

        try
        {
            System.IO.Directory.CreateDirectory(path);
            var probe = Path.Combine(path, ".write-probe");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Ingestion:Spool:Directory: cannot write to '{path}': {ex.Message}");
        }
    }
}
