using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SmartOverhalla.Contracts.Alerts;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Alerts;

/// <summary>Registers the platform's alerts: the catalogue, the ledger and its state file, InfluxDB records, the notifier sinks (log, webhook).</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the alert central with options from <c>Alerts</c> (validated at start). Needs the InfluxDB client
    /// (<c>AddInfluxDb</c>). Idempotent: a second call adds nothing, so the webhook client never gets a second resilience
    /// handler. Alert types come from <see cref="AddAlertDefinitions"/>, one call per domain.
    /// </summary>
    public static IServiceCollection AddAlertCentral(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AlertCentral)))
        {
            return services;
        }

        // Bound when first read (at start), so later configuration sources count.
        services.AddValidatedOptions<AlertsOptions, AlertsOptionsValidator>(configuration.GetSection(AlertsOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.TryAddSingleton(sp => new AlertCatalogue(sp.GetServices<AlertDefinition>()));
        services.TryAddSingleton<AlertStateFile>();
        services.TryAddSingleton(sp =>
        {
            var catalogue = sp.GetRequiredService<AlertCatalogue>();
            var file = sp.GetRequiredService<AlertStateFile>();
            var ledger = new AlertLedger(catalogue, sp.GetRequiredService<IOptions<AlertsOptions>>().Value.ClearedRetention, file.Load(catalogue));
            Log.StateLoaded(sp.GetRequiredService<ILogger<AlertLedger>>(), ledger.OpenCount, ledger.Snapshot(sp.GetRequiredService<TimeProvider>().GetUtcNow()).Count - ledger.OpenCount);
            return ledger;
        });
        services.TryAddSingleton<AlertMetrics>();
        services.TryAddSingleton<AlertRecorder>();
        services.TryAddSingleton<AlertNotificationDispatcher>();
        services.TryAddSingleton<AlertCentral>();
        services.AddResiliencePipeline(AlertRecorder.PipelineKey, static (builder, context) =>
            AlertRecorder.ConfigureRetry(builder, context.ServiceProvider.GetRequiredService<ILogger<AlertRecorder>>()));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertNotifier, LogAlertNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertNotifier, WebhookAlertNotifier>());
        services.AddHttpClient(WebhookAlertNotifier.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The resilience handler's per-attempt timeout is the only time limit; HttpClient's own would cut retries short.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect would re-send the alert (and the URL's token) somewhere nobody configured.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The factory's request logs print the URL, which may hold a token; our own logs show its host only.
            .RemoveAllLoggers()
            .AddResilienceHandler(WebhookPipeline.Key, static (builder, context) =>
            {
                var webhook = context.ServiceProvider.GetRequiredService<IOptions<AlertsOptions>>().Value.Webhook;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<WebhookAlertNotifier>>();
                if (webhook.Enabled)
                {
                    Log.WebhookEnabled(logger, webhook.Endpoint.Host, webhook.MaxAttempts);
                }

                WebhookPipeline.Configure(builder, webhook, logger);
            });

        services.AddHostedService(sp => sp.GetRequiredService<AlertRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertNotificationDispatcher>());
        return services;
    }

    /// <summary>Adds a domain's alert types to the catalogue (e.g. <c>LightingAlertTypes.All</c>). Adding the same definition twice adds it once.</summary>
    public static IServiceCollection AddAlertDefinitions(this IServiceCollection services, IEnumerable<AlertDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions)
        {
            if (!services.Any(d => d.ServiceType == typeof(AlertDefinition) && Equals(d.ImplementationInstance, definition)))
            {
                services.AddSingleton(definition);
            }
        }

        return services;
    }
}
