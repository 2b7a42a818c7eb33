using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Hosts the MQTTnet broker inside the gateway when <c>Broker:Mode</c> is <c>Embedded</c>. A hosted service, so
/// the broker listens before Kestrel serves <c>/health</c>, and stops (disconnecting clients) after it.
/// Retained messages and sessions live in memory: a gateway restart loses them, as the design accepts for one node.
/// </summary>
internal sealed class EmbeddedBroker(
    IOptions<BrokerOptions> options,
    IBrokerConnectionValidator connectionValidator,
    BrokerMetrics metrics,
    PublishRateLimiter rateLimiter,
    ILogger<EmbeddedBroker> logger) : IHostedService, IBrokerStatus, IDisposable
{
    private readonly BrokerOptions _options = options.Value;
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode != BrokerMode.Embedded)
        {
            return;
        }

        var settings = _options.Embedded;
        var factory = new MqttServerFactory(new MqttNetLogBridge(logger));
        var server = factory.CreateMqttServer(BuildServerOptions(factory, settings));
        server.ValidatingConnectionAsync += connectionValidator.ValidateAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.InterceptingPublishAsync += OnPublishAsync;
        server.InterceptingPublishAsync += rateLimiter.InterceptAsync;
        server.ClientDisconnectedAsync += rateLimiter.OnClientDisconnectedAsync;
        server.QueuedApplicationMessageOverwrittenAsync += OnMessageDroppedAsync;

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
        logger.EmbeddedBrokerStarted(settings.BindAddress, settings.Port, settings.PersistentSessions, settings.MaxPendingMessagesPerClient);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is null)
        {
            return;
        }

        // Clients get a DISCONNECT with "server shutting down", so devices reconnect instead of waiting for keep-alive.
        await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
        server.Dispose();
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
        };
        var report = _server is { IsStarted: true }
            ? new BrokerStatusReport(true, $"Embedded MQTT broker listening on {endpoint}.", data)
            : new BrokerStatusReport(false, $"Embedded MQTT broker on {endpoint} is not running.", data);
        return Task.FromResult(report);
    }

    public void Dispose() => Interlocked.Exchange(ref _server, null)?.Dispose();

    private static MqttServerOptions BuildServerOptions(MqttServerFactory factory, EmbeddedBrokerOptions settings)
    {
        var address = IPAddress.Parse(settings.BindAddress);
        var builder = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(settings.Port)
            .WithPersistentSessions(settings.PersistentSessions)
            .WithMaxPendingMessagesPerClient(settings.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage);

        // MQTTnet listens on IPv4 and IPv6 "any" unless told otherwise; bind only the one configured address.
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? builder.WithDefaultEndpointBoundIPAddress(IPAddress.None).WithDefaultEndpointBoundIPV6Address(address).Build()
            : builder.WithDefaultEndpointBoundIPAddress(address).WithDefaultEndpointBoundIPV6Address(IPAddress.None).Build();
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
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
        metrics.MessagePublished();
        return Task.CompletedTask;
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
