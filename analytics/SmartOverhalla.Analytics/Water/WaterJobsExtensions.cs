using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Alerts;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Water.Consumption;
using SmartOverhalla.Analytics.Water.Directory;
using SmartOverhalla.Analytics.Water.Leaks;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Water;

/// <summary>Registers the water jobs and what they read and write: the meter directory, the raw readings, the water series.</summary>
internal static class WaterJobsExtensions
{
    public const string DirectoryPipelineKey = "SmartOverhalla.Analytics.MeterDirectory";

    /// <summary>Default schedule of the consumption job: each day within the hour after it settles, the two before it again.</summary>
    public static readonly Action<JobScheduleOptions> ConsumptionSchedule = schedule =>
    {
        schedule.Interval = TimeSpan.FromHours(1);
        schedule.SettleDelay = TimeSpan.FromMinutes(30);
        schedule.TrailingWindow = TimeSpan.FromDays(2);
        schedule.InitialLookback = TimeSpan.FromDays(7);
    };

    /// <summary>
    /// Default schedule of the leak job: every quarter of an hour, each quarter 10 minutes after it ends; no trailing
    /// window (each window reads back <see cref="WaterAnalyticsOptions.LeakLookback"/> itself, late readings included), and
    /// a new district starts with the last hour (its first window already looks back 28 hours).
    /// </summary>
    public static readonly Action<JobScheduleOptions> LeaksSchedule = schedule =>
    {
        schedule.Interval = TimeSpan.FromMinutes(15);
        schedule.SettleDelay = TimeSpan.FromMinutes(10);
        schedule.TrailingWindow = TimeSpan.Zero;
        schedule.InitialLookback = TimeSpan.FromHours(1);
    };

    public static IServiceCollection AddWaterJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<WaterAnalyticsOptions, WaterAnalyticsOptionsValidator>(configuration.GetSection(WaterAnalyticsOptions.SectionName));
        services.TryAddSingleton<IMeterDirectory, GatewayMeterDirectory>();
        services.AddGatewayHttpClient(GatewayMeterDirectory.HttpClientName, DirectoryPipelineKey);
        services.TryAddSingleton<WaterReadingsReader>();
        services.TryAddSingleton<WaterConsumptionSeries>();
        services.TryAddSingleton<WaterBalanceSeries>();
        services.TryAddSingleton<WaterSuspicionSeries>();
        services.TryAddSingleton<NightFlowCheck>();
        services.AddDerivedDataJob<WaterConsumptionJob>(configuration, WaterConsumptionJob.JobName, WaterConsumptionJob.SectionKey, ConsumptionSchedule);
        services.AddDerivedDataJob<WaterLeaksJob>(configuration, WaterLeaksJob.JobName, WaterLeaksJob.SectionKey, LeaksSchedule);
        return services;
    }
}
