using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Alerts;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Analytics.Ploughing;
using SmartOverhalla.Analytics.Telemetry;
using SmartOverhalla.Analytics.Water;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics;

/// <summary>Registers the analytics host: its jobs, the scheduler, watermarks, self-metrics and the backfill.</summary>
public static class AnalyticsExtensions
{
    /// <summary>
    /// Adds the analytics host with configuration sections <c>Analytics</c> (instance, jobs' schedules), <c>InfluxDb</c>
    /// and each domain's (<c>Lighting</c>, <c>Lighting:Savings</c>, <c>Water</c>, <c>Ploughing</c>).
    /// </summary>
    public static TBuilder AddAnalytics<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<AnalyticsOptions, AnalyticsOptionsValidator>(configuration.GetSection(AnalyticsOptions.SectionName));
        services.AddInfluxDb(configuration.GetSection(InfluxOptions.SectionName));
        services.AddHealthChecks().AddInfluxDb();
        services.AddWaterRetention(configuration);
        services.TryAddSingleton<InfluxSchemaGate>();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
            return new PartitionAssignment(options.InstanceIndex, options.InstanceCount);
        });
        services.TryAddSingleton<IWatermarkStore, InfluxWatermarkStore>();
        services.TryAddSingleton<JobStatusBoard>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<BackfillRunner>();
        services.AddAlertReporting(configuration);

        // The domains' jobs; a new domain adds its AddXxxJobs here.
        services.AddLightingJobs(configuration);
        services.AddWaterJobs(configuration);
        services.AddPloughingJobs(configuration);

        services.AddHostedService<JobSchedulerService>();
        services.AddHostedService<AnalyticsSelfMetricsService>();
        return builder;
    }
}
