using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>Source-generated validation of <see cref="AlertReportingOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class AlertReportingOptionsValidator : IValidateOptions<AlertReportingOptions>;
