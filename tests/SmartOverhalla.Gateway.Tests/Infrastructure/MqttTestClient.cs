using System.Threading.Channels;
using MQTTnet;

namespace SmartOverhalla.Gateway.Tests.Infrastructure;

/// <summary>An MQTT 5 client on 127.0.0.1 that records what it receives, to wait for messages with a deadline.</summary>
internal sealed class MqttTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly Channel<MqttApplicationMessage> _received = Channel.CreateUnbounded<MqttApplicationMessage>();
    private readonly MqttClientOptions _options;

    private MqttTestClient(MqttClientOptions options)
    {
        _options = options;
        Client = new MqttClientFactory().CreateMqttClient();
        Client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Writer.TryWrite(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    public IMqttClient Client { get; }

    /// <summary>A client whose session the broker keeps for an hour after it leaves (as the ingestion worker connects).</summary>
    public static MqttTestClient Persistent(int port, string clientId) => new(new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .WithClientId(clientId)
        .WithCleanStart(false)
        .WithSessionExpiryInterval(3600)
        .Build());

    public static MqttTestClient Clean(int port) => new(new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .WithClientId("test-" + Guid.NewGuid().ToString("N")[..10])
        .WithCleanStart(true)
        .Build());

    public Task<MqttClientConnectResult> ConnectAsync(CancellationToken ct) => Client.ConnectAsync(_options, ct);

    public Task DisconnectAsync(CancellationToken ct) => Client.DisconnectAsync(new MqttClientDisconnectOptions(), ct);

    /// <summary>Waits for the next <paramref name="count"/> messages; throws <see cref="TimeoutException"/> at the deadline.</summary>
    public async Task<IReadOnlyList<MqttApplicationMessage>> ReceiveAsync(int count, CancellationToken ct)
    {
        var messages = new List<MqttApplicationMessage>(count);
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, deadlineTimer.Token);
        try
        {
            while (messages.Count < count)
            {
                messages.Add(await _received.Reader.ReadAsync(deadline.Token));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Received {messages.Count} of {count} messages within {Deadline.TotalSeconds} s.");
        }

        return messages;
    }

    /// <summary>Waits for a message <paramref name="isSentinel"/> picks; returns every message received up to and with it.</summary>
    public async Task<IReadOnlyList<MqttApplicationMessage>> ReceiveUntilAsync(Func<MqttApplicationMessage, bool> isSentinel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(isSentinel);
        var messages = new List<MqttApplicationMessage>();
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, deadlineTimer.Token);
        try
        {
            do
            {
                messages.Add(await _received.Reader.ReadAsync(deadline.Token));
            }
            while (!isSentinel(messages[^1]));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No sentinel among the {messages.Count} messages received within {Deadline.TotalSeconds} s.");
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            await DisconnectAsync(CancellationToken.None);
        }

        Client.Dispose();
    }
}
