using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.ServiceDefaults;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>The real gateway, lighting control on, against an external real broker, with a test-set policy.</summary>
internal static class LightingGateway
{
    public static async Task<WebApplication> StartAsync(int mqttPort, Uri influxUrl, string stateFile, ILightingPolicy policy, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
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
        }).AddInMemoryCollection(Infrastructure.TestApiKeys.Settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(policy);
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        await app.StartAsync(ct);
        return app;
    }

    public static LightStateStore Store(this WebApplication app) => app.Services.GetRequiredService<LightStateStore>();
}
