using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>Source-generated validation of <see cref="LoRaWanOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class LoRaWanOptionsValidator : IValidateOptions<LoRaWanOptions>;
