using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Security;

/// <summary>Source-generated validation of the <c>ApiKeys</c> section (<see cref="ApiKeyOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>;
