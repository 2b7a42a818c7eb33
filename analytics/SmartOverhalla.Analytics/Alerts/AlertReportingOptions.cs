using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>
/// Configuration section <c>Analytics:Alerts</c>: the gateway that holds the platform's alerts, and the API key (role
/// <c>service</c>) the analytics host reports to it with.
/// </summary>
internal sealed class AlertReportingOptions : IValidatableObject
{
    public const string SectionName = "Analytics:Alerts";

    /// <summary>The gateway's base URL, e.g. <c>http://gateway:8080/</c>. Empty: a job that finds an alert fails its window, saying so.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>An API key with the role <c>service</c> (environment only: <c>Analytics__Alerts__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Attempts per batch of reports (the first included) on 5xx, 408, 429, time-outs and connection errors.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>How long one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GatewayUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(GatewayUrl))}: must be an absolute http or https URL.", [nameof(GatewayUrl)]);
        }

        if (GatewayUrl is not null && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(ApiKey))}: is required with a gateway URL (an API key with the role service).", [nameof(ApiKey)]);
        }
    }
}
