using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion;

/// <summary>Source-generated validation of <see cref="IngestionOptions"/>: its attributes and <see cref="IngestionOptions.Validate"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class IngestionOptionsValidator : IValidateOptions<IngestionOptions>;
