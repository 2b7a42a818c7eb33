using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// The <c>Devices</c> section's rule that depends on the host, run at start beside the generated
/// <see cref="DevicesOptionsValidator"/>: a fleet list to import must exist under the content root.
/// </summary>
internal sealed class DevicesOptionsHostChecks(IHostEnvironment environment) : IValidateOptions<DevicesOptions>
{
    public ValidateOptionsResult Validate(string? name, DevicesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(options.ImportFile) && !File.Exists(Path.GetFullPath(options.ImportFile, environment.ContentRootPath))
            ? ValidateOptionsResult.Fail($"{DevicesOptions.SectionName}:{nameof(DevicesOptions.ImportFile)}: file '{options.ImportFile}' does not exist.")
            : ValidateOptionsResult.Success;
    }
}
