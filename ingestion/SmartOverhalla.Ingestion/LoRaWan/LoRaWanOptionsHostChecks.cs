using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>Refuses to start with a mapping file that cannot be read or has any problem, listing every one.</summary>
internal sealed class LoRaWanOptionsHostChecks(IHostEnvironment environment) : IValidateOptions<LoRaWanOptions>
{
    public ValidateOptionsResult Validate(string? name, LoRaWanOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        return UplinkMappingLoader.Check(ResolvePath(environment, options.MappingFile!)) is { } problems
            ? ValidateOptionsResult.Fail($"{LoRaWanOptions.SectionName}:{nameof(LoRaWanOptions.MappingFile)}: {problems}")
            : ValidateOptionsResult.Success;
    }

    public static string ResolvePath(IHostEnvironment environment, string path) => Path.GetFullPath(path, environment.ContentRootPath);
}
