using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>Source-generated validation of <see cref="LoRaWanControlOptions"/>, run at start (the mapping file itself: <see cref="LoRaWanControlOptionsHostChecks"/>).</summary>
[OptionsValidator]
internal sealed partial class LoRaWanControlOptionsValidator : IValidateOptions<LoRaWanControlOptions>;
