using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartOverhalla.Gateway.Broker.Mqtt5;
using SmartOverhalla.Gateway.Devices;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Hosts the MQTTnet broker inside the gateway when <c>Broker:Mode</c> is <c>Embedded</c>. A hosted service, so
/// the broker listens before Kestrel serves <c>/health</c>, and stops (disconnecting clients) after it.
/// Retained messages and sessions live in memory: a gateway restart loses them, as the design accepts for one node.
/// Every client is authenticated (<see cref="IBrokerConnectionValidator"/>) and every publish and subscription is
/// checked against <see cref="TopicAccessPolicy"/>; refusals are counted and logged. Optionally a second listener
/// speaks TLS (<see cref="EmbeddedTlsOptions"/>).
/// </summary>
internal sealed class EmbeddedBroker(
    IOptions<BrokerOptions> options,
    IBrokerConnectionValidator connectionValidator,
    BrokerMetrics metrics,
    PublishRateLimiter rateLimiter,
    RetainedAtSubscribe retainedAtSubscribe,
    DeviceRegistry registry,
    ConnectingPrincipals connecting,
    Mqtt5Obligations mqtt5,
    IHostEnvironment environment,
    ILogger<EmbeddedBroker> logger) : IHostedService, IBrokerStatus, IDisposable
{
    /// <summary>Longer than any topic of the contract (six levels of at most 64 characters each); a longer one is refused.</summary>
    public const int MaxTopicLength = 512;

    private readonly BrokerOptions _options = options.Value;
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode != BrokerMode.Embedded)
        {
            return;
        }

        var settings = _options.Embedded;
        var certificate = settings.Tls.Enabled ? TlsCertificate.Load(settings.Tls, environment.ContentRootPath) : null;
        var factory = new MqttServerFactory(new MqttNetLogBridge(logger));
        var server = factory.CreateMqttServer(BuildServerOptions(factory, settings, certificate));
        server.ValidatingConnectionAsync += connectionValidator.ValidateAsync;
        server.InterceptingSubscriptionAsync += OnSubscribeAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
        server.InterceptingOutboundPacketAsync += OnOutboundPacketAsync;
        server.InterceptingPublishAsync += OnPublishAsync;
        server.InterceptingPublishAsync += rateLimiter.InterceptAsync;
        server.ClientDisconnectedAsync += rateLimiter.OnClientDisconnectedAsync;
        server.QueuedApplicationMessageOverwrittenAsync += OnMessageDroppedAsync;
        // After the access check above, so that only granted subscriptions get retained messages.
        retainedAtSubscribe.Attach(server);
        // After the connection and publish checks: what MQTT 5 clients ask for, for accepted connects and publishes.
        mqtt5.Attach(server);

        try
        {
            await server.StartAsync();
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            // Fail the start: a gateway without its broker would report healthy HTTP while no device can connect.
            logger.EmbeddedBrokerStartFailed(settings.BindAddress, settings.Port, ex);
            server.Dispose();
            throw;
        }

        _server = server;
        registry.Changed += OnRegistryChanged;
        logger.EmbeddedBrokerStarted(settings.BindAddress, settings.Port, settings.PersistentSessions, settings.MaxPendingMessagesPerClient);
        if (certificate is not null)
        {
            logger.EmbeddedBrokerTlsStarted(settings.Tls.BindAddress, settings.Tls.Port, certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }

        if (settings.AllowAnonymous)
        {
            logger.AnonymousAllowed();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is null)
        {
            return;
        }

        registry.Changed -= OnRegistryChanged;

        // Clients get a DISCONNECT with "server shutting down", so devices reconnect instead of waiting for keep-alive.
        await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
        server.Dispose();
        mqtt5.Detach();
        metrics.Reset();
        logger.EmbeddedBrokerStopped(metrics.ConnectionsTotal, metrics.PublishedTotal);
    }

    public Task<BrokerStatusReport> GetStatusAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Embedded;
        var endpoint = $"{settings.BindAddress}:{settings.Port}";
        var data = new Dictionary<string, object>
        {
            ["mode"] = nameof(BrokerMode.Embedded),
            ["endpoint"] = endpoint,
            ["connectedClients"] = metrics.ConnectedClients,
            ["connectionsTotal"] = metrics.ConnectionsTotal,
            ["messagesPublished"] = metrics.PublishedTotal,
            ["messagesDropped"] = metrics.DroppedTotal,
            ["connectionsRefused"] = metrics.ConnectionsRefusedTotal,
            ["publishesRefused"] = metrics.PublishesRefusedTotal,
            ["subscriptionsRefused"] = metrics.SubscriptionsRefusedTotal,
        };
        if (settings.Tls.Enabled)
        {
            data["tlsEndpoint"] = $"{settings.Tls.BindAddress}:{settings.Tls.Port}";
        }

        var report = _server is { IsStarted: true }
            ? new BrokerStatusReport(true, $"Embedded MQTT broker listening on {endpoint}.", data)
            : new BrokerStatusReport(false, $"Embedded MQTT broker on {endpoint} is not running.", data);
        return Task.FromResult(report);
    }

    public void Dispose() => Interlocked.Exchange(ref _server, null)?.Dispose();

    /// <summary>The running MQTTnet server, for tests that order events through its interceptors; null when stopped.</summary>
    internal MqttServer? Server => _server;

    /// <summary>
    /// Closes the live connection of a device that was removed or got a new secret: the registry change takes effect
    /// for connected devices too, not only at their next connect.
    /// </summary>
    public async Task DisconnectDeviceAsync(DeviceKey device)
    {
        if (_server is not { IsStarted: true } server)
        {
            return;
        }

        foreach (var client in await server.GetClientsAsync())
        {
            if (client.Session.Items[BrokerPrincipal.SessionItemKey] is BrokerPrincipal { Role: BrokerRole.Device } principal
                && principal.Kind == device.Kind
                && string.Equals(principal.DeviceId, device.DeviceId, StringComparison.Ordinal))
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
                logger.DeviceSessionClosed(client.Id);
            }
        }

        // A removed device's persistent session goes too: its subscriptions must not wait for whoever is registered
        // under that id next.
        if (registry.Find(device) is null)
        {
            foreach (var session in await server.GetSessionsAsync())
            {
                if (session.Items[BrokerPrincipal.SessionItemKey] is BrokerPrincipal { Role: BrokerRole.Device } owner
                    && owner.Kind == device.Kind
                    && string.Equals(owner.DeviceId, device.DeviceId, StringComparison.Ordinal))
                {
                    await session.DeleteAsync();
                }
            }
        }
    }

    private void OnRegistryChanged(DeviceKey? revoked)
    {
        if (revoked is { } device)
        {
            _ = DisconnectRevokedAsync(device);
        }
    }

    private async Task DisconnectRevokedAsync(DeviceKey device)
    {
        try
        {
            await DisconnectDeviceAsync(device);
        }
        catch (Exception ex)
        {
            // The device is refused at its next connect anyway; closing its current connection is a bonus.
            logger.MqttNetWarning(nameof(EmbeddedBroker), $"Could not close the connection of {device}: {ex.Message}", null);
        }
    }

    private static MqttServerOptions BuildServerOptions(MqttServerFactory factory, EmbeddedBrokerOptions settings, X509Certificate2? certificate)
    {
        var address = IPAddress.Parse(settings.BindAddress);
        var builder = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(settings.Port)
            .WithPersistentSessions(settings.PersistentSessions)
            .WithMaxPendingMessagesPerClient(settings.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage);

        // MQTTnet listens on IPv4 and IPv6 "any" unless told otherwise; bind only the one configured address.
        builder = address.AddressFamily == AddressFamily.InterNetworkV6
            ? builder.WithDefaultEndpointBoundIPAddress(IPAddress.None).WithDefaultEndpointBoundIPV6Address(address)
            : builder.WithDefaultEndpointBoundIPAddress(address).WithDefaultEndpointBoundIPV6Address(IPAddress.None);
        if (certificate is not null)
        {
            var tlsAddress = IPAddress.Parse(settings.Tls.BindAddress);
            builder = builder
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointPort(settings.Tls.Port)
                .WithEncryptionCertificate(certificate)
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            builder = tlsAddress.AddressFamily == AddressFamily.InterNetworkV6
                ? builder.WithEncryptedEndpointBoundIPAddress(IPAddress.None).WithEncryptedEndpointBoundIPV6Address(tlsAddress)
                : builder.WithEncryptedEndpointBoundIPAddress(tlsAddress).WithEncryptedEndpointBoundIPV6Address(IPAddress.None);
        }

        return builder.Build();
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        // A resumed session still holds the principal of its last connection: this connection's replaces it.
        var principal = connecting.Apply(e.ClientId, e.SessionItems);

        // A device rotated or removed between its connect check and now: the sweep at the change did not see it.
        if (principal is not null && !principal.IsCurrentIn(registry))
        {
            var clientId = e.ClientId;
            _ = Task.Run(() => DisconnectQuietlyAsync(clientId, MqttDisconnectReasonCode.NotAuthorized));
        }

        metrics.ClientConnected();
        logger.ClientConnected(e.ClientId, e.RemoteEndPoint?.ToString());
        return Task.CompletedTask;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        metrics.ClientDisconnected();
        logger.ClientDisconnected(e.ClientId, e.DisconnectType.ToString());
        return Task.CompletedTask;
    }

    private Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        // No client id: a message the server itself injects. Will messages come with their client's session items.
        if (!string.IsNullOrEmpty(e.ClientId) && !MayPublish(e.SessionItems, e.ApplicationMessage.Topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            var refused = metrics.PublishRefused();
            // A misbehaving device may flood: the first refusal and then every hundredth are logged; all are counted.
            if (refused == 1 || refused % 100 == 0)
            {
                logger.PublishRefused(e.ClientId, e.UserName, Truncate(e.ApplicationMessage.Topic), refused);
            }

            return Task.CompletedTask;
        }

        metrics.MessagePublished();
        return Task.CompletedTask;
    }

    private Task OnSubscribeAsync(InterceptingSubscriptionEventArgs e)
    {
        if (!string.IsNullOrEmpty(e.ClientId) && !MaySubscribe(e.SessionItems, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            metrics.SubscriptionRefused();
            logger.SubscriptionRefused(e.ClientId, e.UserName, Truncate(e.TopicFilter.Topic));
        }

        return Task.CompletedTask;
    }

    private static bool MayPublish(System.Collections.IDictionary sessionItems, string topic) =>
        sessionItems[BrokerPrincipal.SessionItemKey] is BrokerPrincipal principal && TopicAccessPolicy.MayPublish(principal, topic);

    private static bool MaySubscribe(System.Collections.IDictionary sessionItems, string filter) =>
        sessionItems[BrokerPrincipal.SessionItemKey] is BrokerPrincipal principal && TopicAccessPolicy.MaySubscribe(principal, filter);

    private static string Truncate(string topic) => topic.Length > 200 ? topic[..200] : topic;

    /// <summary>
    /// Refuses, before MQTTnet handles it, a PUBLISH with a topic alias (the platform uses none, and MQTTnet would keep
    /// every alias a client sends, up to 65,535 topics per connection) or with a topic longer than any device topic
    /// can be; the client is disconnected.
    /// </summary>
    private Task OnInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is MQTTnet.Packets.MqttPublishPacket publish
            && (publish.TopicAlias != 0 || (publish.Topic?.Length ?? 0) > MaxTopicLength)
            && !string.IsNullOrEmpty(e.ClientId))
        {
            e.ProcessPacket = false;
            var refused = metrics.PublishRefused();
            if (refused == 1 || refused % 100 == 0)
            {
                logger.PublishShapeRefused(e.ClientId, publish.TopicAlias, publish.Topic?.Length ?? 0, MaxTopicLength);
            }

            var clientId = e.ClientId;
            _ = Task.Run(() => DisconnectQuietlyAsync(clientId, MqttDisconnectReasonCode.TopicAliasInvalid));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes CONNACK tell the truth about topic aliases: Topic Alias Maximum 0 (MQTT 5.0 §3.2.2.3.8; 0 is sent as
    /// absent), as <see cref="OnInboundPacketAsync"/> refuses every alias. MQTTnet 5.2 always advertises 65,535, and
    /// has no option for it; a successful connect's CONNACK passes this interceptor (a refusal's does not, but that
    /// connection ends with it).
    /// </summary>
    private static Task OnOutboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is MQTTnet.Packets.MqttConnAckPacket connAck)
        {
            connAck.TopicAliasMaximum = 0;
        }

        return Task.CompletedTask;
    }

    private async Task DisconnectQuietlyAsync(string clientId, MqttDisconnectReasonCode reason)
    {
        try
        {
            if (_server is { } server)
            {
                await server.DisconnectClientAsync(clientId, reason);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.ClientDisconnected(clientId, ex.GetType().Name);
        }
    }

    private Task OnMessageDroppedAsync(QueueMessageOverwrittenEventArgs e)
    {
        // Log the first drop and then every thousandth: an overflowing queue drops many messages per second.
        var dropped = metrics.MessageDropped();
        if (dropped == 1 || dropped % 1000 == 0)
        {
            logger.QueuedMessagesDropped(e.ReceiverClientId, dropped);
        }

        return Task.CompletedTask;
    }
}
