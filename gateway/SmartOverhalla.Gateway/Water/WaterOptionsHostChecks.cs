using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Water;

/// <summary>The <c>Water</c> section's rule that depends on the host: a meter list to import must exist under the content root.</summary>
internal sealed class WaterOptionsHostChecks(IHostEnvironment environment) : IValidateOptions<WaterOptions>
{
    public ValidateOptionsResult Validate(string? name, WaterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var import = options.Registry.ImportFile;
        return !string.IsNullOrWhiteSpace(import) && !File.Exists(Path.GetFullPath(import, environment.ContentRootPath))
            ? ValidateOptionsResult.Fail($"{WaterOptions.SectionName}:{nameof(WaterOptions.Registry)}:{nameof(WaterRegistryOptions.ImportFile)}: file '{import}' does not exist.")
            : ValidateOptionsResult.Success;
    }
}
