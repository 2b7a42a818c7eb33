using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Validates the <c>InfluxDb</c> section at start, naming each bad setting by its key.</summary>
internal sealed class InfluxDbOptionsValidator : IValidateOptions<InfluxDbOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidation.Validate(options, InfluxDbOptions.SectionName, failures);
        if (options.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{InfluxDbOptions.SectionName}:{nameof(InfluxDbOptions.Url)}: '{url}' is not an absolute http or https URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
