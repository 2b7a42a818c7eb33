using SmartOverhalla.Gateway.Alerts;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Devices;
using SmartOverhalla.Gateway.Health;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.Savings;
using SmartOverhalla.Gateway.OpenApi;
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
        builder.Services.AddAuditLog();
        builder.Services.AddDevices(builder.Configuration);
        builder.Services.AddBroker(builder.Configuration.GetSection(BrokerOptions.SectionName));
        builder.Services.AddInfluxDb(builder.Configuration.GetSection(InfluxOptions.SectionName));
        builder.Services.AddLightingControl(builder.Configuration);
        builder.Services.AddLightingSavings(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
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

        app.MapHealthEndpoints();
        app.MapLightingEndpoints();
        app.MapOverrideEndpoints();
        app.MapLightingSavings();
        app.MapAlerts();
        app.MapDevices();
        app.MapOpenApi();
        return app;
    }
}
