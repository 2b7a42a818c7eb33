using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>Source-generated validation of <see cref="LightingZonesOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class LightingZonesOptionsValidator : IValidateOptions<LightingZonesOptions>;
