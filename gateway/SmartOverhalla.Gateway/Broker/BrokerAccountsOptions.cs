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
    public const string DefaultNetworkServerUsername = "network-server";

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

    /// <summary>
    /// A LoRaWAN network server's MQTT integration (ChirpStack's <c>[integration.mqtt]</c>, The Things Stack's Pub/Sub):
    /// password from <c>Broker__Accounts__NetworkServer__Password</c>; unset, nobody can log in as it. On the embedded
    /// broker its client id must be its user name or start with it and '-' (set ChirpStack's <c>client_id</c>).
    /// </summary>
    [ValidateObjectMembers]
    public ServiceAccountOptions NetworkServer { get; set; } = new() { Username = DefaultNetworkServerUsername };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(Gateway.Username, Ingestion.Username, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext)}: the gateway and ingestion accounts need different user names (their rights differ).",
                [nameof(Gateway), nameof(Ingestion)]);
        }

        if (string.Equals(NetworkServer.Username, Gateway.Username, StringComparison.Ordinal)
            || string.Equals(NetworkServer.Username, Ingestion.Username, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext)}: the network server account needs a user name of its own (its rights differ from the gateway's and the ingestion's).",
                [nameof(NetworkServer)]);
        }
    }
}
