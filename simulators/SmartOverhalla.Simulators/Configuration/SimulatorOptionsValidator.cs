using Microsoft.Extensions.Options;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>Source-generated validation of <see cref="SimulatorOptions"/> (attributes and <see cref="SimulatorOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>;
