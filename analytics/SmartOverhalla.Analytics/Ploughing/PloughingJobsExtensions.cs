using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.DerivedSeries.Ploughing;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>Registers the ploughing jobs (map matching, road status) and what they read and write: the road network, the fixes, the ploughing series.</summary>
internal static class PloughingJobsExtensions
{
    /// <summary>
    /// Default schedule of the map matching and road status jobs: every 5 minutes, the windows that ended 2 minutes ago, and the 3 hours
    /// before again (late fixes from a plough's buffer after a dropout). Off unless configured on (appsettings.json turns
    /// it on), so a host configured for other jobs alone does not match ploughs.
    /// </summary>
    public static readonly Action<JobScheduleOptions> MatchingSchedule = schedule =>
    {
        schedule.Enabled = false;
        schedule.Interval = TimeSpan.FromMinutes(5);
        schedule.SettleDelay = TimeSpan.FromMinutes(2);
        schedule.TrailingWindow = TimeSpan.FromHours(3);
        schedule.InitialLookback = TimeSpan.FromDays(1);
    };

    public static IServiceCollection AddPloughingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<PloughingOptions, PloughingOptionsValidator>(configuration.GetSection(PloughingOptions.SectionName));
        services.TryAddSingleton<RoadNetworkSource>();
        services.TryAddSingleton<PloughTrackReader>();
        services.TryAddSingleton<PloughSeries>();
        services.AddDerivedDataJob<PloughMatchingJob>(configuration, PloughMatchingJob.JobName, PloughMatchingJob.SectionKey, MatchingSchedule);
        services.AddDerivedDataJob<RoadStatusJob>(configuration, RoadStatusJob.JobName, RoadStatusJob.SectionKey, MatchingSchedule);
        return services;
    }
}
