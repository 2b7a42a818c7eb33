using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Checks at start that the spool directory can be created and written: finding out during an InfluxDB
/// outage would be too late. A check of the host (its content root, the file system, the worker's client id), so it
/// runs beside the generated <see cref="SpoolOptionsValidator"/> rather than in <see cref="SpoolOptions"/>.
/// </summary>
internal sealed class SpoolOptionsHostChecks(IHostEnvironment environment, IOptions<IngestionOptions> ingestion) : IValidateOptions<SpoolOptions>
{
    private const string DirectoryKey = SpoolOptions.SectionName + ":" + nameof(SpoolOptions.Directory);

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
            return ValidateOptionsResult.Fail($"{DirectoryKey}: '{options.Directory}' is not a valid path: {ex.Message}");
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
            return ValidateOptionsResult.Fail($"{DirectoryKey}: cannot write to '{path}': {ex.Message}");
        }
    }
}
