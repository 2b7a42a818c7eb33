using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Lighting;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>
/// The real gateway, lighting control on, against an external real broker, with a test-set policy. Disposing it stops
/// it first: a gateway only disposed would save its light state once more after the test has deleted the folder.
/// </summary>
internal sealed class LightingGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LightingGateway(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public LightStateStore Store() => _app.Services.GetRequiredService<LightStateStore>();

    public Task StopAsync(CancellationToken ct) => _app.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    public static async Task<LightingGateway> StartAsync(int mqttPort, Uri influxUrl, string stateFile, ILightingPolicy policy, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "External",
            ["Broker:External:Host"] = "127.0.0.1",
            ["Broker:External:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Broker:External:ReconnectDelay"] = "00:00:00.200",
            ["InfluxDb:Url"] = influxUrl.ToString(),
            ["InfluxDb:Database"] = "lighting",
            ["Lighting:ClientId"] = "smartoverhalla-gateway-" + Path.GetFileNameWithoutExtension(stateFile),
            ["Lighting:StateFile"] = stateFile,
            ["Lighting:ControlInterval"] = "00:00:00.200",
            ["Lighting:AckTimeout"] = "00:00:00.500",
            ["Lighting:MaxAttempts"] = "3",
            ["Lighting:RetryBaseDelay"] = "00:00:00.100",
            ["Lighting:RetryMaxDelay"] = "00:00:00.300",
        };
        return new LightingGateway(await Infrastructure.GatewayApplication.StartAsync(settings, Infrastructure.GatewayApplication.WithPolicy(policy), ct));
    }
}
