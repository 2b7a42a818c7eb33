using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>Source-generated validation of <see cref="DeviceFloodOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class DeviceFloodOptionsValidator : IValidateOptions<DeviceFloodOptions>;
