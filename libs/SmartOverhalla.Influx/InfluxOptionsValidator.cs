using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Source-generated validation of <see cref="InfluxOptions"/>: its attributes and <see cref="InfluxOptions.Validate"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class InfluxOptionsValidator : IValidateOptions<InfluxOptions>;
