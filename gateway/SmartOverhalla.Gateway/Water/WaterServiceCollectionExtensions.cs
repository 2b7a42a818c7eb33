using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Water.Notices;
using SmartOverhalla.Gateway.Water.Planning;
using SmartOverhalla.Gateway.Water.Privacy;
using SmartOverhalla.Gateway.Water.Registry;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Water;

/// <summary>
/// The gateway's water side: the meter registry (the only place holding addresses) with its import at start, the water
/// series the analytics host writes (read here), the privacy look-ups, the planner API and the incident notices with their
/// webhook client. Needs the InfluxDB client and the audit log.
/// </summary>
internal static class WaterServiceCollectionExtensions
{
    /// <summary>Idempotent: a second call adds nothing (so the webhook client never gets a second resilience handler).</summary>
    public static IServiceCollection AddWater(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(MeterRegistry)))
        {
            return services;
        }

        services.AddValidatedOptions<WaterOptions, WaterOptionsValidator>(configuration.GetSection(WaterOptions.SectionName));

        // The water data's retention policies: the gateway's schema set-up creates them at start like every host's.
        services.AddWaterRetention(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WaterOptions>, WaterOptionsHostChecks>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<MeterRegistry>();
        services.AddHostedService<MeterImport>();

        services.TryAddSingleton<WaterConsumptionSeries>();
        services.TryAddSingleton<WaterBalanceSeries>();
        services.TryAddSingleton<WaterSuspicionSeries>();
        services.AddSingleton<AccessLogReader>();

        services.AddSingleton<NoticeStore>();
        services.AddSingleton<NoticeWebhook>();
        services.AddSingleton<NoticeSender>();
        services.AddHttpClient(NoticeWebhook.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The resilience handler's per-attempt timeout is the only limit; HttpClient's own would cut retries short.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect would send residents' addresses (and the token) somewhere nobody configured.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The factory's request logs print the URL, which may hold a token.
            .RemoveAllLoggers()
            .AddResilienceHandler(NoticeWebhook.HttpClientName, static (builder, context) => NoticeWebhook.ConfigureResilience(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<WaterOptions>>().Value.Notices,
                context.ServiceProvider.GetRequiredService<ILogger<NoticeWebhook>>()));
        return services;
    }

    /// <summary>Maps the water endpoints under <c>/api/v1/water</c>; each names its role policy.</summary>
    public static IEndpointRouteBuilder MapWater(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMeterEndpoints();
        app.MapHouseholdEndpoints();
        app.MapPlannerEndpoints();
        app.MapNoticeEndpoints();
        return app;
    }
}
