using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Water;

/// <summary>Source-generated validation of <see cref="WaterAnalyticsOptions"/> (attributes and <see cref="WaterAnalyticsOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class WaterAnalyticsOptionsValidator : IValidateOptions<WaterAnalyticsOptions>;
