using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>Configuration section <c>Broker:Embedded</c>: the MQTTnet broker hosted inside the gateway.</summary>
internal sealed class EmbeddedBrokerOptions
{
    public const string DefaultBindAddress = "127.0.0.1";
    public const int DefaultPort = 1883;

    /// <summary>
    /// Messages queued per client session before the broker starts dropping the oldest. MQTTnet's own default
    /// is 250, far too few for at-least-once: a persistent-session subscriber such as the ingestion worker that
    /// is away for a few seconds under load would silently lose QoS 1 messages. 250 000 small telemetry messages
    /// are roughly 125 MB and cover more than an hour of Overhalla's whole fleet at 50 messages/s.
    /// </summary>
    public const int DefaultMaxPendingMessagesPerClient = 250_000;

    /// <summary>IP address the MQTT listener binds to (IPv4 or IPv6). Loopback by default: exposing it is a deployment decision.</summary>
    [Required]
    public string BindAddress { get; set; } = DefaultBindAddress;

    /// <summary>TCP port of the plain MQTT listener (the platform's own services; devices on a network use <see cref="Tls"/>).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Keep a client's session (subscriptions and undelivered QoS 1/2 messages) after it disconnects, when it
    /// asked for it (MQTT 5: clean start false and a session expiry interval above zero). Required for the
    /// ingestion worker's at-least-once guarantee (design.md, Reliability).
    /// </summary>
    public bool PersistentSessions { get; set; } = true;

    /// <summary>See <see cref="DefaultMaxPendingMessagesPerClient"/>.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = DefaultMaxPendingMessagesPerClient;

    /// <summary>Per-client publish rate limit (<c>Broker:Embedded:PublishRateLimit</c>); see <see cref="PublishRateLimitOptions"/>.</summary>
    [ValidateObjectMembers]
    public PublishRateLimitOptions PublishRateLimit { get; set; } = new();

    /// <summary>
    /// Accept clients without credentials, with every right (the broker of old). Development only:
    /// <see cref="BrokerOptionsHostChecks"/> refuses it in any other environment. Credentials that are given are still checked.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Section <c>Broker:Embedded:Tls</c>.</summary>
    [ValidateObjectMembers]
    public EmbeddedTlsOptions Tls { get; set; } = new();
}
