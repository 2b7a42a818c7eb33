using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Water;

/// <summary>Source-generated validation of the <c>Water</c> section (<see cref="WaterOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class WaterOptionsValidator : IValidateOptions<WaterOptions>;
