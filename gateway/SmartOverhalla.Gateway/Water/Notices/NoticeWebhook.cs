using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using SmartOverhalla.ServiceDefaults.Http;

namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>
/// POSTs a <see cref="NoticeMessage"/> as JSON to <c>Water:Notices:WebhookUrl</c> (with <c>Authorization: Bearer</c> when a
/// token is set and an <c>Idempotency-Key</c> of the notice id, so a receiver can drop a repeat), through an HttpClient with
/// one resilience handler (<see cref="ConfigureResilience"/>, the platform's <see cref="TransientHttpRetry"/>).
/// </summary>
internal sealed class NoticeWebhook(IHttpClientFactory httpClientFactory, IOptions<WaterOptions> options)
{
    public const string HttpClientName = "SmartOverhalla.Water.Notices";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly WaterNoticesOptions _options = options.Value.Notices;

    public bool Enabled => _options.WebhookEnabled;

    public string Host => _options.WebhookEnabled ? _options.WebhookEndpoint.Host : "(none)";

    /// <summary>Null when the receiver took it (2xx), else why not, safe to log and store (never the URL).</summary>
    public async Task<string?> SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookEndpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message, WaterJsonContext.Default.NoticeMessage)),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add("Idempotency-Key", message.NoticeId.ToString("D"));
        if (!string.IsNullOrEmpty(_options.WebhookBearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.WebhookBearerToken);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{Host} answered HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return $"{Host}: connection error ({ex.HttpRequestError})";
        }
        catch (TimeoutRejectedException)
        {
            return $"{Host}: timed out";
        }
    }

    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, WaterNoticesOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var host = options.WebhookEnabled ? options.WebhookEndpoint.Host : "(none)";
        builder.AddTransientHttpRetry(
            options.MaxAttempts,
            options.BaseDelay,
            options.AttemptTimeout,
            onRetry: args =>
            {
                logger.NoticeWebhookRetry(host, TransientHttpRetry.Describe(args.Outcome), args.AttemptNumber + 2, args.RetryDelay);
                return ValueTask.CompletedTask;
            });
    }
}
