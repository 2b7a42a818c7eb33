using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Source-generated validation of the <c>Lighting</c> section, run at start.</summary>
[OptionsValidator]
internal sealed partial class LightingControlOptionsValidator : IValidateOptions<LightingControlOptions>;
