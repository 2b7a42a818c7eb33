using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Source-generated validation of <see cref="SpoolOptions"/>: its attributes and <see cref="SpoolOptions.Validate"/>, run
/// at start (the directory itself is checked by <see cref="SpoolOptionsHostChecks"/>).
/// </summary>
[OptionsValidator]
internal sealed partial class SpoolOptionsValidator : IValidateOptions<SpoolOptions>;
