using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>Source-generated validation of <see cref="PloughingOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class PloughingOptionsValidator : IValidateOptions<PloughingOptions>;
