using Microsoft.Extensions.Options;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>Source-generated validation of <see cref="WaterRetentionOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class WaterRetentionOptionsValidator : IValidateOptions<WaterRetentionOptions>;
