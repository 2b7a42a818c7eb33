using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Source-generated validation of the contract's <see cref="ValidationOptions"/> (section <c>Validation</c>, the limits
/// the control connection checks acks against), run at start. It is generated here, in the host that binds the
/// section, because the contracts library stays free of hosting concerns.
/// </summary>
[OptionsValidator]
internal sealed partial class ValidationOptionsValidator : IValidateOptions<ValidationOptions>;
