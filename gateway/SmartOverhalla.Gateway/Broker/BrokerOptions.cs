using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using SmartOverhalla.Mqtt;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Configuration section <c>Broker</c>: which broker the platform uses and how to reach or host it. Every nested section
/// keeps to its ranges; the rules that depend on the mode (an embedded listener's addresses and ports) apply to the
/// chosen mode only. What depends on the host (Development, certificate files) is in <see cref="BrokerOptionsHostChecks"/>.
/// </summary>
internal sealed class BrokerOptions : IValidatableObject
{
    public const string SectionName = "Broker";

    /// <summary><see cref="BrokerMode.Embedded"/> (default) or <see cref="BrokerMode.External"/>.</summary>
    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Section <c>Broker:Embedded</c>: used when <see cref="Mode"/> is <see cref="BrokerMode.Embedded"/>.</summary>
    [ValidateObjectMembers]
    public EmbeddedBrokerOptions Embedded { get; set; } = new();

    /// <summary>Section <c>Broker:External</c>: used when <see cref="Mode"/> is <see cref="BrokerMode.External"/>.</summary>
    [ValidateObjectMembers]
    public MqttConnectionOptions External { get; set; } = new();

    /// <summary>Section <c>Broker:Accounts</c>: the platform services' own MQTT logins.</summary>
    [ValidateObjectMembers]
    public BrokerAccountsOptions Accounts { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Mode))
        {
            // A number that names no mode binds without error ("Broker:Mode": "7"); unknown names fail in the binder.
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Mode))}: '{Mode}' is not a broker mode; use {string.Join(" or ", Enum.GetNames<BrokerMode>())}.",
                [nameof(Mode)]);
        }

        if (Mode != BrokerMode.Embedded)
        {
            yield break;
        }

        var embedded = Embedded;
        if (!IPAddress.TryParse(embedded.BindAddress, out _))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Embedded), nameof(EmbeddedBrokerOptions.BindAddress))}: '{embedded.BindAddress}' is not an IP address.",
                [nameof(Embedded)]);
        }

        var tls = embedded.Tls;
        if (!tls.Enabled)
        {
            yield break;
        }

        if (!IPAddress.TryParse(tls.BindAddress, out _))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Embedded), nameof(EmbeddedBrokerOptions.Tls), nameof(EmbeddedTlsOptions.BindAddress))}: '{tls.BindAddress}' is not an IP address.",
                [nameof(Embedded)]);
        }

        if (tls.Port == embedded.Port && tls.BindAddress == embedded.BindAddress)
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Embedded), nameof(EmbeddedBrokerOptions.Tls), nameof(EmbeddedTlsOptions.Port))}: {tls.Port} is the plain listener's port too.",
                [nameof(Embedded)]);
        }
    }
}
