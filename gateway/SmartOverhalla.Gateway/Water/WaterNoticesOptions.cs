using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Water;

/// <summary>
/// Section <c>Water:Notices</c>: incident notices to residents, their state file and the municipality's SMS service
/// webhook they are sent to.
/// </summary>
internal sealed class WaterNoticesOptions : IValidatableObject
{
    /// <summary>
    /// Two concatenated SMS of GSM 03.38 characters (2 × 153; æ, ø and å are in its basic set): a notice residents read
    /// on their phones should say what, where and what to do in that much.
    /// </summary>
    public const int DefaultMaxTextLength = 306;

    /// <summary>Notices and their states, relative to the content root; written atomically on every change.</summary>
    [Required]
    public string File { get; set; } = "data/water-notices.json";

    /// <summary>Longest notice text, in characters.</summary>
    [Range(70, 1_530)]
    public int MaxTextLength { get; set; } = DefaultMaxTextLength;

    /// <summary>
    /// Absolute http(s) URL of the SMS service's webhook; empty: notices cannot be sent (503). It may hold a token: set it
    /// through the environment (<c>Water__Notices__WebhookUrl</c>); logs show its host only.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Optional bearer token sent as <c>Authorization: Bearer …</c>; environment only (<c>Water__Notices__WebhookBearerToken</c>).</summary>
    public string? WebhookBearerToken { get; set; }

    /// <summary>Attempts per send (the first included) on 5xx, 408, 429, time-outs and connection errors.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the second attempt; doubled per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take, connect included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool WebhookEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>The URL as parsed; only when <see cref="WebhookEnabled"/> and validated.</summary>
    public Uri WebhookEndpoint => new(WebhookUrl!, UriKind.Absolute);

    /// <summary>A bad URL is never echoed: it may hold a token.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!WebhookEnabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(WebhookUrl))}: must be an absolute http or https URL (the value is not shown: it may hold a token).",
                [nameof(WebhookUrl)]);
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            // A notice carries the addresses of a whole district: never in clear text over a network.
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(WebhookUrl))}: must use https (plain http only to this machine, e.g. 127.0.0.1), since notices carry residents' addresses (the value is not shown: it may hold a token).",
                [nameof(WebhookUrl)]);
        }
    }
}
