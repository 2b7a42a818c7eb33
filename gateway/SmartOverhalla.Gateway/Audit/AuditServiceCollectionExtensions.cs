using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>Registers the audit log.</summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IAuditLog, LoggingAuditLog>();
        return services;
    }
}
