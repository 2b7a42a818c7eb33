using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>Source-generated validation of the <c>Audit</c> section (<see cref="AuditOptions.Validate"/>), run at start.</summary>
[OptionsValidator]
internal sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>;
