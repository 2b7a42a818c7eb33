using Microsoft.Extensions.Options;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>Refuses to start with a mapping file that cannot be read or has any problem, listing every one.</summary>
internal sealed class LoRaWanControlOptionsHostChecks(IHostEnvironment environment) : IValidateOptions<LoRaWanControlOptions>
{
    public ValidateOptionsResult Validate(string? name, LoRaWanControlOptions options) =>
        !options.Enabled
            ? ValidateOptionsResult.Skip
            : UplinkMappingLoader.Check(ResolvePath(environment, options.MappingFile!)) is { } problems
                ? ValidateOptionsResult.Fail($"{LoRaWanControlOptions.SectionName}:{nameof(LoRaWanControlOptions.MappingFile)}: {problems}")
                : ValidateOptionsResult.Success;

    public static string ResolvePath(IHostEnvironment environment, string path) => Path.GetFullPath(path, environment.ContentRootPath);
}
