using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>Validates the <c>Devices</c> section at start, naming each bad key; never echoes the fleet key.</summary>
internal sealed class DevicesOptionsValidator(IHostEnvironment environment) : IValidateOptions<DevicesOptions>
{
    public ValidateOptionsResult Validate(string? name, DevicesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidation.Validate(options, DevicesOptions.SectionName, failures);

        if (!string.IsNullOrEmpty(options.FleetKey) && options.FleetKey.Length < FleetCredentials.MinKeyLength)
        {
            failures.Add($"{DevicesOptions.SectionName}:{nameof(DevicesOptions.FleetKey)}: must be at least {FleetCredentials.MinKeyLength} characters (128 random bits as base64); the value is not shown.");
        }

        if (!string.IsNullOrWhiteSpace(options.ImportFile) && !File.Exists(Path.GetFullPath(options.ImportFile, environment.ContentRootPath)))
        {
            failures.Add($"{DevicesOptions.SectionName}:{nameof(DevicesOptions.ImportFile)}: file '{options.ImportFile}' does not exist.");
        }

        var mosquitto = options.Mosquitto;
        if (string.IsNullOrWhiteSpace(mosquitto.PasswordFile) != string.IsNullOrWhiteSpace(mosquitto.AclFile))
        {
            failures.Add($"{DevicesOptions.SectionName}:{nameof(DevicesOptions.Mosquitto)}: set both {nameof(MosquittoProvisioningOptions.PasswordFile)} and {nameof(MosquittoProvisioningOptions.AclFile)}, or neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
