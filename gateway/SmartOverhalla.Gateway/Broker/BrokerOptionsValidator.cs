using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Source-generated validation of the <c>Broker</c> section (every nested section's attributes, and the options' own
/// <c>Validate</c>), run at start beside <see cref="BrokerOptionsHostChecks"/>.
/// </summary>
[OptionsValidator]
internal sealed partial class BrokerOptionsValidator : IValidateOptions<BrokerOptions>;
