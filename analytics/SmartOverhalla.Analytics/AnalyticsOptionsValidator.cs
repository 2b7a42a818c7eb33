using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics;

/// <summary>Source-generated validation of <see cref="AnalyticsOptions"/> (attributes and <see cref="AnalyticsOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>;
