using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>Registers the gateway's alerts: the ledger and its state file, InfluxDB records, the notifier sinks (log, webhook).</summary>
internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Idempotent (lighting control calls it for its alerts, and the gateway's composition may too): a second call
    /// adds nothing, so the webhook client never gets a second resilience mechanism.
    /// </summary>
    internal static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AlertCentral)))
        {
            return services;
        }

        // Bound when first read (at start), so later configuration sources count.
        services.AddOptions<AlertsOptions>()
            .Bind(configuration.GetSection(AlertsOptions.SectionName))
            .PostConfigure(options => options.StateFile = AlertStateFile.DefaultPath(options.StateFile, configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.TryAddSingleton<AlertStateFile>();
        services.TryAddSingleton(sp =>
        {
            var file = sp.GetRequiredService<AlertStateFile>();
            var ledger = new AlertLedger(sp.GetRequiredService<IOptions<AlertsOptions>>().Value.ClearedRetention, file.Load());
            Log.StateLoaded(sp.GetRequiredService<ILogger<AlertLedger>>(), ledger.OpenCount, ledger.Snapshot(sp.GetRequiredService<TimeProvider>().GetUtcNow()).Count - ledger.OpenCount);
            return ledger;
        });
        services.TryAddSingleton<AlertMetrics>();
        services.TryAddSingleton<AlertRecorder>();
        services.TryAddSingleton<AlertNotificationDispatcher>();
        services.TryAddSingleton<AlertCentral>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertNotifier, LogAlertNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertNotifier, WebhookAlertNotifier>());
        services.TryAddKeyedSingleton(WebhookPipeline.Key, (sp, _) =>
        {
            var webhook = sp.GetRequiredService<IOptions<AlertsOptions>>().Value.Webhook;
            var logger = sp.GetRequiredService<ILogger<WebhookAlertNotifier>>();
            if (webhook.Enabled)
            {
                Log.WebhookEnabled(logger, webhook.Endpoint.Host, webhook.MaxAttempts);
            }

            return WebhookPipeline.Build(webhook, sp.GetRequiredService<TimeProvider>(), logger);
        });
        services.AddHttpClient(WebhookAlertNotifier.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Polly's per-attempt timeout (WebhookPipeline) is the only time limit; HttpClient's own would cut retries short.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect would re-send the alert (and the URL's token) somewhere nobody configured.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The factory's request logs print the URL, which may hold a token; our own logs show its host only.
            .RemoveAllLoggers();

        services.AddHostedService(sp => sp.GetRequiredService<AlertRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertNotificationDispatcher>());
        return services;
    }
}
