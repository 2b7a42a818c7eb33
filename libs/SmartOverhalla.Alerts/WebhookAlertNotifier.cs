using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using SmartOverhalla.ServiceDefaults.Http;

namespace SmartOverhalla.Alerts;

/// <summary>
/// POSTs each raise and clear as the alert's JSON (<see cref="AlertJsonContext"/>, the API's shape) to
/// <c>Alerts:Webhook:Url</c>, retried by the HttpClient's resilience handler (<see cref="WebhookPipeline"/>). An
/// <c>Idempotency-Key</c> header (alert id and change) lets a receiver drop a repeat when an attempt it answered was
/// retried anyway. Does nothing when no URL is configured.
/// </summary>
public sealed class WebhookAlertNotifier(
    IHttpClientFactory httpClientFactory,
    IOptions<AlertsOptions> options,
    ILogger<WebhookAlertNotifier> logger) : IAlertNotifier
{
    public const string HttpClientName = "SmartOverhalla.Alerts.Webhook";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly WebhookOptions _options = options.Value.Webhook;

    public string Name => "webhook";

    public async Task NotifyAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!_options.Enabled)
        {
            return;
        }

        var url = _options.Endpoint;
        var body = JsonSerializer.SerializeToUtf8Bytes(alert, AlertJsonContext.Default.Alert);
        var idempotencyKey = $"{alert.Id:D}-{(alert.Active ? "raised" : "cleared")}";
        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new AlertDeliveryException($"{url.Host}: {TransientHttpRetry.Describe(Outcome.FromException<HttpResponseMessage>(ex))} after {_options.MaxAttempts} attempts", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var attempts = TransientHttpRetry.IsTransient(response.StatusCode) ? $"after {_options.MaxAttempts} attempts" : "not retried";
                throw new AlertDeliveryException($"{url.Host} answered HTTP {(int)response.StatusCode}, {attempts}");
            }
        }

        Log.WebhookDelivered(logger, alert.Id, url.Host);
    }
}
