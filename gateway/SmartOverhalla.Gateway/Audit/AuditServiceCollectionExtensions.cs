using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>Registers the audit log.</summary>
internal static class AuditServiceCollectionExtensions
{
    /// <summary>The log-line audit log only (no InfluxDB): for hosts and tests without storage.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IAuditLog, LoggingAuditLog>();
        return services;
    }

    /// <summary>
    /// The durable audit log: InfluxDB measurement <c>audit</c> plus a log line per entry (<see cref="InfluxAuditLog"/>).
    /// Needs <c>AddInfluxDb</c>. It replaces any other <see cref="IAuditLog"/>, whichever was registered first.
    /// </summary>
    public static IServiceCollection AddInfluxAuditLog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<AuditOptions, AuditOptionsValidator>(configuration.GetSection(AuditOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddResiliencePipeline(AuditWritePipeline.Key, static (pipeline, context) => AuditWritePipeline.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<AuditOptions>>().Value,
            context.ServiceProvider.GetRequiredService<ILogger<InfluxAuditLog>>()));
        services.TryAddSingleton<InfluxAuditLog>();
        services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp => sp.GetRequiredService<InfluxAuditLog>()));
        services.AddHostedService(sp => sp.GetRequiredService<InfluxAuditLog>());
        return services;
    }
}
