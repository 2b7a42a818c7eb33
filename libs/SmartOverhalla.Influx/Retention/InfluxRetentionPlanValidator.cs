using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Source-generated validation of <see cref="InfluxRetentionPlan"/> (its <see cref="InfluxRetentionPlan.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class InfluxRetentionPlanValidator : IValidateOptions<InfluxRetentionPlan>;
