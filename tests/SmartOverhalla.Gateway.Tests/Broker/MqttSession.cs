using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>An MQTT 5 client on 127.0.0.1 with optional credentials and TLS that records what it receives.</summary>
internal sealed class MqttSession : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly Channel<MqttApplicationMessage> _received = Channel.CreateUnbounded<MqttApplicationMessage>();

    private MqttSession()
    {
        Client = new MqttClientFactory().CreateMqttClient();
        Client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Writer.TryWrite(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        Client.DisconnectedAsync += e =>
        {
            LastDisconnect = $"{e.Reason} {e.ReasonString} {e.Exception?.GetBaseException().Message}";
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the broker or the client ended the connection last (for failure messages).</summary>
    public string? LastDisconnect { get; private set; }

    public IMqttClient Client { get; }

    public static async Task<(MqttSession Session, MqttClientConnectResult Result)> ConnectAsync(
        int port, string clientId, string? username, string? password, CancellationToken ct, Action<MqttClientTlsOptionsBuilder>? tls = null, string? willTopic = null,
        bool cleanStart = true)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(cleanStart)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!cleanStart)
        {
            builder = builder.WithSessionExpiryInterval(300);
        }

        if (username is not null)
        {
            builder = builder.WithCredentials(username, password ?? string.Empty);
        }

        if (willTopic is not null)
        {
            builder = builder.WithWillTopic(willTopic).WithWillPayload("{\"forged\":\"will\"}").WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (tls is not null)
        {
            var tlsBuilder = new MqttClientTlsOptionsBuilder().UseTls();
            tls(tlsBuilder);
            builder = builder.WithTlsOptions(tlsBuilder.Build());
        }

        var session = new MqttSession();
        try
        {
            var result = await session.Client.ConnectAsync(builder.Build(), ct);
            return (session, result);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, string payload, CancellationToken ct)
    {
        try
        {
            return await Client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);
        }
        catch (MQTTnet.Exceptions.MqttClientNotConnectedException ex)
        {
            throw new InvalidOperationException($"Publishing to {topic}: not connected (last disconnect: {LastDisconnect ?? "none"})", ex);
        }
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter, CancellationToken ct)
    {
        var result = await Client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, ct);
        return Assert.Single(result.Items).ResultCode;
    }

    /// <summary>Every message received until one on <paramref name="sentinelTopic"/> arrives (included); throws at the deadline.</summary>
    public async Task<List<MqttApplicationMessage>> ReceiveUntilAsync(string sentinelTopic, CancellationToken ct)
    {
        var messages = new List<MqttApplicationMessage>();
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, deadlineTimer.Token);
        try
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync(deadline.Token);
                messages.Add(message);
                if (message.Topic == sentinelTopic)
                {
                    return messages;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No message on {sentinelTopic} within {Deadline.TotalSeconds} s; got: {string.Join(", ", messages.Select(m => m.Topic))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }

        Client.Dispose();
    }
}
