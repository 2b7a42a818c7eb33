using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Alerts;

/// <summary>Configuration section <c>Alerts:Webhook</c>: every raised and cleared alert is POSTed as JSON to <see cref="Url"/>.</summary>
public sealed class WebhookOptions : IValidatableObject
{

    /// <summary>
    /// Absolute http(s) URL; empty: no webhook. It may hold a token (chat and paging services put one in the
    /// path), so set it through the environment (<c>Alerts__Webhook__Url</c>) and expect logs to show its host only.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Attempts per alert (the first included) on 5xx, 408, 429, time-outs and connection errors.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the second attempt; it doubles per attempt, with jitter, up to <see cref="MaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two attempts; also caps a receiver's <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt may take, connect included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The URL as parsed; only call when <see cref="Enabled"/> and validated.</summary>
    public Uri Endpoint => new(Url!, UriKind.Absolute);

    /// <summary>Rules across keys, and the URL's form: a bad URL is never echoed, as it may hold a token.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(Url))}: must be an absolute http or https URL (the value is not shown: it may hold a token).", [nameof(Url)]);
        }

        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(MaxDelay))}: must not be shorter than {nameof(BaseDelay)} ({BaseDelay}).", [nameof(MaxDelay)]);
        }
    }
}
