using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>How a domain adds a job to the analytics host.</summary>
internal static class JobRegistration
{
    /// <summary>Configuration section of every job's schedule: <c>Analytics:Jobs:{SectionKey}</c>.</summary>
    public const string JobsSection = AnalyticsOptions.SectionName + ":Jobs";

    /// <summary>
    /// Registers <typeparamref name="TJob"/> under <paramref name="name"/> with its schedule: <paramref name="defaults"/>,
    /// then <c>Analytics:Jobs:{sectionKey}</c>, validated at start. A second call for the same name adds nothing.
    /// </summary>
    public static IServiceCollection AddDerivedDataJob<TJob>(
        this IServiceCollection services, IConfiguration configuration, string name, string sectionKey, Action<JobScheduleOptions> defaults)
        where TJob : class, IDerivedDataJob
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(TJob)))
        {
            return services;
        }

        services.AddSingleton<TJob>();
        return services.AddDerivedDataJob(configuration, name, sectionKey, defaults, sp => sp.GetRequiredService<TJob>());
    }

    /// <summary>Registers the job <paramref name="create"/> makes under <paramref name="name"/>, with its schedule as above.</summary>
    public static IServiceCollection AddDerivedDataJob(
        this IServiceCollection services, IConfiguration configuration, string name, string sectionKey, Action<JobScheduleOptions> defaults, Func<IServiceProvider, IDerivedDataJob> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionKey);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(create);
        var section = configuration.GetSection($"{JobsSection}:{sectionKey}");
        services.AddValidatedOptions<JobScheduleOptions, JobScheduleOptionsValidator>(name, section.Path)
            .Configure(defaults)
            .Bind(section);
        services.AddSingleton(create);
        return services;
    }
}
