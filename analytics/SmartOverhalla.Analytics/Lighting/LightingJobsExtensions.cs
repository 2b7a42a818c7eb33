using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.DerivedSeries.Lighting;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>Registers the street-lighting jobs and what they read: the zones file, the telemetry reader, the savings series.</summary>
internal static class LightingJobsExtensions
{
    /// <summary>Default schedule of the savings job: each day is computed within the hour after it settles, the two before it again.</summary>
    public static readonly Action<JobScheduleOptions> SavingsSchedule = schedule =>
    {
        schedule.Interval = TimeSpan.FromHours(1);
        schedule.SettleDelay = TimeSpan.FromMinutes(15);
        schedule.TrailingWindow = TimeSpan.FromDays(2);
        schedule.InitialLookback = TimeSpan.FromDays(7);
    };

    public static IServiceCollection AddLightingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<LightingZonesOptions, LightingZonesOptionsValidator>(configuration.GetSection(LightingZonesOptions.SectionName));
        services.AddValidatedOptions<LightingSavingsOptions, LightingSavingsOptionsValidator>(configuration.GetSection(LightingSavingsOptions.SectionName));

        // An invalid zones file stops the start here, with every problem named (ZoneConfigurationException).
        services.TryAddSingleton<IZoneConfigurationSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LightingZonesOptions>>().Value;
            return new FileZoneConfigurationSource(
                options.ZonesPath(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FileZoneConfigurationSource>>(), options.ZonesReloadInterval);
        });
        services.TryAddSingleton<StreetlightTelemetryReader>();
        services.TryAddSingleton<SavingsDayInputsCache>();
        services.TryAddSingleton<SavingsSeries>();
        services.AddDerivedDataJob<LightingSavingsJob>(configuration, LightingSavingsJob.JobName, LightingSavingsJob.SectionKey, SavingsSchedule);
        return services;
    }
}
