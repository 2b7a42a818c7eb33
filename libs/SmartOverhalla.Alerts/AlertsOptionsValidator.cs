using Microsoft.Extensions.Options;

namespace SmartOverhalla.Alerts;

/// <summary>Source-generated validation of <see cref="AlertsOptions"/> and its webhook (attributes and their <c>Validate</c>), run at start.</summary>
[OptionsValidator]
internal sealed partial class AlertsOptionsValidator : IValidateOptions<AlertsOptions>;
