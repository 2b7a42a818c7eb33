using SmartOverhalla.Gateway.Alerts;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Devices;
using SmartOverhalla.Gateway.Health;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.Savings;
using SmartOverhalla.Gateway.OpenApi;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Gateway.Water;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway;

/// <summary>The gateway's composition: <see cref="AddGateway"/> registers its services, <see cref="MapGateway"/> its HTTP endpoints.</summary>
internal static class GatewayExtensions
{
    public static TBuilder AddGateway<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Sections are bound when options are first read (at start), not here, so later configuration sources count.
        builder.Services.AddInfluxAuditLog(builder.Configuration);
        builder.Services.AddApiSecurity(builder.Configuration);
        builder.Services.AddDevices(builder.Configuration);
        builder.Services.AddBroker(builder.Configuration.GetSection(BrokerOptions.SectionName));
        builder.Services.AddInfluxDb(builder.Configuration.GetSection(InfluxOptions.SectionName));
        builder.Services.AddLightingControl(builder.Configuration);
        builder.Services.AddLightingSavings();
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddWater(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddGatewayHealthChecks();
        builder.Services.AddGatewayOpenApi();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Every endpoint needs a valid API key unless it says otherwise; each API group names its role policy
        // (Security/ApiPolicies.cs). Health is for probes: anonymous and not rate limited. A new admin-only group:
        // app.MapGroup("/api/v1/devices").RequireAuthorization(ApiPolicies.Admin).MapDeviceEndpoints();
        // Answers the framework gives without a body (a malformed JSON body, a wrong method) as problem details too.
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.MapGroup(string.Empty).AllowAnonymous().DisableRateLimiting().MapHealthEndpoints();
        app.MapLightingEndpoints();
        app.MapOverrideEndpoints();
        app.MapLightingSavings();
        app.MapAlerts();
        app.MapAuditEndpoints();
        app.MapWater();
        app.MapDevices().RequireAuthorization(ApiPolicies.Admin);
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
