using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>Source-generated validation of <see cref="LightingSavingsOptions"/> (attributes and <see cref="LightingSavingsOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class LightingSavingsOptionsValidator : IValidateOptions<LightingSavingsOptions>;
