using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Security;

/// <summary>Source-generated validation of the <c>ApiRateLimit</c> section, run at start.</summary>
[OptionsValidator]
internal sealed partial class ApiRateLimitOptionsValidator : IValidateOptions<ApiRateLimitOptions>;
