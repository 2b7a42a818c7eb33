using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Configuration section <c>Broker:Accounts</c>: the platform's own MQTT logins, beside the devices of the
/// registry. The gateway may publish commands; the ingestion worker may read the device tree and publish dead
/// letters (design.md, Security). Both brokers enforce the same rights: the embedded one in code
/// (<see cref="TopicAccessPolicy"/>), Mosquitto through the ACL file the gateway writes.
/// </summary>
internal sealed class BrokerAccountsOptions : IValidatableObject
{
    public const string DefaultGatewayUsername = "smartoverhalla-gateway";
    public const string DefaultIngestionUsername = "smartoverhalla-ingestion";

    /// <summary>
    /// The gateway's own control connection. With the embedded broker and no password configured, the gateway makes
    /// up a random one at start (it is both the broker and the client); with an external broker, set it and the same
    /// credentials as <c>Broker:External:Username/Password</c> (filled in from here when those are unset).
    /// </summary>
    [ValidateObjectMembers]
    public ServiceAccountOptions Gateway { get; set; } = new() { Username = DefaultGatewayUsername };

    /// <summary>The ingestion worker (its own <c>Mqtt:Username/Password</c> must match).</summary>
    [ValidateObjectMembers]
    public ServiceAccountOptions Ingestion { get; set; } = new() { Username = DefaultIngestionUsername };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(Gateway.Username, Ingestion.Username, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext)}: the gateway and ingestion accounts need different user names (their rights differ).",
                [nameof(Gateway), nameof(Ingestion)]);
        }
    }
}
