using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Validates the <c>Alerts</c> section at start, naming each bad key. A bad webhook URL is never echoed: it may
/// hold a token.
/// </summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    private const string WebhookPath = AlertsOptions.SectionName + ":" + nameof(AlertsOptions.Webhook);

    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidation.Validate(options, AlertsOptions.SectionName, failures);
        SettingsValidation.Validate(options.Webhook, WebhookPath, failures);

        var webhook = options.Webhook;
        if (webhook.Enabled
            && (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{WebhookPath}:{nameof(WebhookOptions.Url)}: must be an absolute http or https URL (the value is not shown: it may hold a token).");
        }

        if (webhook.MaxDelay < webhook.BaseDelay)
        {
            failures.Add($"{WebhookPath}:{nameof(WebhookOptions.MaxDelay)}: must not be shorter than {nameof(WebhookOptions.BaseDelay)} ({webhook.BaseDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
