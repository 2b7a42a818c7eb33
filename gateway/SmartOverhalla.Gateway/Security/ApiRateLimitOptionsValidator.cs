using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Security;

/// <summary>Validates the <c>ApiRateLimit</c> section at start, naming each bad key.</summary>
internal sealed class ApiRateLimitOptionsValidator : IValidateOptions<ApiRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidation.Validate(options, ApiRateLimitOptions.SectionName, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
