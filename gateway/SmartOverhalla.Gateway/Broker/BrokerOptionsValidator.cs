using System.Net;
using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>Validates the <c>Broker</c> section at start; only the section of the chosen mode has to be valid.</summary>
internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    private const string EmbeddedPath = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.Embedded);
    private const string ExternalPath = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.External);

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        switch (options.Mode)
        {
            case BrokerMode.Embedded:
                SettingsValidation.Validate(options.Embedded, EmbeddedPath, failures);
                SettingsValidation.Validate(options.Embedded.PublishRateLimit, EmbeddedPath + ":" + nameof(EmbeddedBrokerOptions.PublishRateLimit), failures);
                if (!IPAddress.TryParse(options.Embedded.BindAddress, out _))
                {
                    failures.Add($"{EmbeddedPath}:{nameof(EmbeddedBrokerOptions.BindAddress)}: '{options.Embedded.BindAddress}' is not an IP address.");
                }

                break;
            case BrokerMode.External:
                SettingsValidation.Validate(options.External, ExternalPath, failures);
                break;
            default:
                // A number that names no mode binds without error ("Broker:Mode": "7"); unknown names fail in the binder.
                failures.Add($"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Mode)}: '{options.Mode}' is not a broker mode; use {string.Join(" or ", Enum.GetNames<BrokerMode>())}.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
