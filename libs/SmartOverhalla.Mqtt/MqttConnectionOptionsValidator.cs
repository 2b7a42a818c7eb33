using Microsoft.Extensions.Options;

namespace SmartOverhalla.Mqtt;

/// <summary>
/// Source-generated validation of <see cref="MqttConnectionOptions"/>, run at start by every host that connects
/// (<c>AddValidatedOptions&lt;MqttConnectionOptions, MqttConnectionOptionsValidator&gt;(section)</c>).
/// </summary>
[OptionsValidator]
public sealed partial class MqttConnectionOptionsValidator : IValidateOptions<MqttConnectionOptions>;
