using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Source-generated validation of the <c>Health</c> section, run at start.</summary>
[OptionsValidator]
internal sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
