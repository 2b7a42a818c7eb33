using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Validates the <c>Health</c> section at start, naming each failing setting by its key.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidation.Validate(options, HealthOptions.SectionName, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
