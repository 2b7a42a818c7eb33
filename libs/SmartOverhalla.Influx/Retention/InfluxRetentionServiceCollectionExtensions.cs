using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Influx;

/// <summary>Registers the retention plan (<see cref="InfluxRetentionPlan"/>), validated at start.</summary>
public static class InfluxRetentionServiceCollectionExtensions
{
    /// <summary>Key that names the plan in validation failures (it is built in code, not bound from configuration).</summary>
    public const string PlanKey = "InfluxDb:RetentionPlan";

    /// <summary>
    /// Registers the plan (once; <see cref="InfluxServiceCollectionExtensions.AddInfluxDb(IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
    /// does too) and returns its builder: add policies and routes with <c>Configure</c>, e.g.
    /// <c>services.AddInfluxRetentionPlan().Configure&lt;IOptions&lt;MyRetention&gt;&gt;((plan, mine) =&gt; plan.AddPolicy("raw", mine.Value.Raw).Route("meter", "raw"))</c>.
    /// </summary>
    public static OptionsBuilder<InfluxRetentionPlan> AddInfluxRetentionPlan(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InfluxRetentionRouting>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfluxRetentionPlan>, InfluxRetentionPlanHostChecks>());
        return services.AddValidatedOptions<InfluxRetentionPlan, InfluxRetentionPlanValidator>(PlanKey);
    }
}
