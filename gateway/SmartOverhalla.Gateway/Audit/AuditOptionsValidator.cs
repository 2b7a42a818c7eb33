using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>Validates the <c>Audit</c> section at start, naming each bad key.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidation.Validate(options, AuditOptions.SectionName, failures);
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{AuditOptions.SectionName}:{nameof(AuditOptions.RetryMaxDelay)}: must not be shorter than {nameof(AuditOptions.RetryBaseDelay)} ({options.RetryBaseDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
