using Microsoft.Extensions.Options;

namespace SmartOverhalla.OptionsValidation.Tests.Samples;

[OptionsValidator]
public sealed partial class ListenerOptionsValidator : IValidateOptions<ListenerOptions>;
