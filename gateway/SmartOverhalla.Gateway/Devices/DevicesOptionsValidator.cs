using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>Source-generated validation of the <c>Devices</c> section (<see cref="DevicesOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class DevicesOptionsValidator : IValidateOptions<DevicesOptions>;
