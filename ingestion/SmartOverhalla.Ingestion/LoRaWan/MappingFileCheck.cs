using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>Refuses to start with a mapping file that cannot be read or has any problem, listing every one.</summary>
internal sealed class MappingFileCheck(IHostEnvironment environment) : IValidateOptions<LoRaWanOptions>
{
    public ValidateOptionsResult Validate(string? name, LoRaWanOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            UplinkMappingLoader.Load(ResolvePath(environment, options.MappingFile!));
            return ValidateOptionsResult.Success;
        }
        catch (UplinkMappingException ex)
        {
            return ValidateOptionsResult.Fail($"{LoRaWanOptions.SectionName}:{nameof(LoRaWanOptions.MappingFile)}: {ex.Message}");
        }
    }

    public static string ResolvePath(IHostEnvironment environment, string path) => Path.GetFullPath(path, environment.ContentRootPath);
}
