using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Gateway.Tests.Alerts;

/// <summary>
/// The real gateway (its composition adds and maps the alerts),
/// lighting control on a test-set policy, an external real broker and InfluxDB, the webhook pointed at a test
/// receiver, and every log record captured.
/// </summary>
internal sealed class AlertsGateway : IAsyncDisposable
{
    private AlertsGateway(WebApplication app, CapturedLogs logs)
    {
        App = app;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) }.WithKey(TestApiKeys.Operator);
    }

    public WebApplication App { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Http { get; }

    public LightStateStore Store => App.Services.GetRequiredService<LightStateStore>();

    public static async Task<AlertsGateway> StartAsync(
        int mqttPort, Uri influxUrl, string database, string stateFile, ILightingPolicy policy, Uri? webhook, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "External",
            ["Broker:External:Host"] = "127.0.0.1",
            ["Broker:External:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Broker:External:ReconnectDelay"] = "00:00:00.200",
            ["InfluxDb:Url"] = influxUrl.ToString(),
            ["InfluxDb:Database"] = database,
            ["Lighting:ClientId"] = "smartoverhalla-gateway-" + Path.GetFileName(Path.GetDirectoryName(stateFile)),
            ["Lighting:StateFile"] = stateFile,
            ["Lighting:ControlInterval"] = "00:00:00.200",
            ["Lighting:AckTimeout"] = "00:00:00.500",
            ["Lighting:MaxAttempts"] = "3",
            ["Lighting:RetryBaseDelay"] = "00:00:00.100",
            ["Lighting:RetryMaxDelay"] = "00:00:00.300",
            ["Alerts:Webhook:Url"] = webhook?.ToString(),
            ["Alerts:Webhook:BaseDelay"] = "00:00:00.100",
            ["Alerts:Webhook:MaxDelay"] = "00:00:00.500",
        };
        var logs = new CapturedLogs();
        var app = await GatewayApplication.StartAsync(settings, GatewayApplication.WithPolicy(policy, logs), ct);
        return new AlertsGateway(app, logs);
    }

    /// <summary>GET /api/v1/alerts with <paramref name="query"/>, as JSON elements.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(string query, CancellationToken ct) =>
        await Http.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/alerts?" + query, UriKind.Relative), ct) ?? [];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
