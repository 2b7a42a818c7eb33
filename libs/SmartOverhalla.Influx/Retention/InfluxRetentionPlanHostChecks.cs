using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>
/// A planned policy must not be <see cref="InfluxOptions.RetentionPolicy"/>: the schema initializer makes that one the
/// database default with <see cref="InfluxOptions.RetentionDuration"/>, and would then alter it to the plan's duration,
/// back and forth at every start.
/// </summary>
internal sealed class InfluxRetentionPlanHostChecks(IOptions<InfluxOptions> influx) : IValidateOptions<InfluxRetentionPlan>
{
    public ValidateOptionsResult Validate(string? name, InfluxRetentionPlan options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return influx.Value.RetentionPolicy is { } written && options.Policies.ContainsKey(written)
            ? ValidateOptionsResult.Fail(
                $"{InfluxOptions.SectionName}:{nameof(InfluxOptions.RetentionPolicy)}: '{written}' is also a policy of the retention plan ({InfluxRetentionServiceCollectionExtensions.PlanKey}); the default policy the writer uses needs a name of its own.")
            : ValidateOptionsResult.Success;
    }
}
