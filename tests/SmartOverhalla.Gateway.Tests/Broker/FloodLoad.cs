using System.Buffers.Binary;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// Load for the flood tests, on 127.0.0.1 only and bounded in count and time: normal devices publishing once a
/// second, a flooder trying 1,000 messages a second, and a subscriber that measures each message's end-to-end
/// latency from the send time carried in its payload (same process, same monotonic clock).
/// </summary>
internal sealed class FloodLoad : IAsyncDisposable
{
    private readonly int _port;
    private readonly string _municipality;
    private readonly List<IMqttClient> _clients = [];
    private readonly ConcurrentDictionary<(string Device, long Seq), TimeSpan> _received = new();

    public FloodLoad(int port, string municipality)
    {
        _port = port;
        _municipality = municipality;
    }

    /// <summary>Received messages: (device, sequence number) → end-to-end latency.</summary>
    public IReadOnlyDictionary<(string Device, long Seq), TimeSpan> Received => _received;

    public string Topic(string device) => $"smartcity/v1/{_municipality}/streetlight/{device}/telemetry";

    public async Task SubscribeAsync(CancellationToken ct)
    {
        var subscriber = await ConnectAsync("smartoverhalla-flood-subscriber-" + _municipality, ct);
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            var payload = System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);
            var device = e.ApplicationMessage.Topic.Split('/')[4];
            var seq = BinaryPrimitives.ReadInt64LittleEndian(payload);
            var sentAt = BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(8));
            _received[(device, seq)] = TimeProvider.System.GetElapsedTime(sentAt);
            return Task.CompletedTask;
        };
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"smartcity/v1/{_municipality}/+/+/telemetry", MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
    }

    public async Task<IMqttClient> ConnectAsync(string clientId, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithClientId(clientId).WithCleanStart(true).Build(),
            ct);
        return client;
    }

    /// <summary>Each of <paramref name="devices"/> publishes once a second, <paramref name="seconds"/> times; returns how many were acknowledged.</summary>
    public async Task<int> RunNormalDevicesAsync(IReadOnlyList<string> devices, int seconds, long firstSeq, CancellationToken ct)
    {
        var clients = new List<(string Device, IMqttClient Client)>();
        foreach (var device in devices)
        {
            clients.Add((device, await ConnectAsync("dev-" + _municipality + "-" + device, ct)));
        }

        var acknowledged = 0;
        await Task.WhenAll(clients.Select(async (c, index) =>
        {
            // Spread over the second, as real devices are.
            await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * index / clients.Count), ct);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            for (var i = 0; i < seconds; i++)
            {
                var result = await c.Client.PublishAsync(Message(c.Device, firstSeq + i), ct);
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref acknowledged);
                }

                await timer.WaitForNextTickAsync(ct);
            }
        }));
        return acknowledged;
    }

    /// <summary>
    /// One client tries <paramref name="perSecond"/> QoS 1 messages a second for <paramref name="seconds"/> seconds without
    /// waiting for acknowledgements (10 every 10 ms), then waits for every outcome.
    /// </summary>
    public async Task<FloodOutcome> RunFlooderAsync(string device, int perSecond, int seconds, CancellationToken ct)
    {
        var client = await ConnectAsync("flood-" + _municipality + "-" + device, ct);
        var disconnected = new TaskCompletionSource<MqttClientDisconnectReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += e =>
        {
            disconnected.TrySetResult(e.Reason);
            return Task.CompletedTask;
        };

        var attempts = new List<(long Seq, Task<MqttClientPublishResult> Publish)>(perSecond * seconds);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var perTick = perSecond / 100;
        var started = TimeProvider.System.GetTimestamp();
        var connected = true;
        for (var tick = 0; tick < seconds * 100 && connected; tick++)
        {
            for (var i = 0; i < perTick && connected; i++)
            {
                var seq = attempts.Count;
                if (TryPublish(client, Message(device, seq), ct) is { } publish)
                {
                    attempts.Add((seq, publish));
                }
                else
                {
                    connected = false;
                }
            }

            if (connected)
            {
                await timer.WaitForNextTickAsync(ct);
                connected = client.IsConnected;
            }
        }

        var sendingTime = TimeProvider.System.GetElapsedTime(started);
        var acknowledged = new List<long>();
        var refused = 0;
        foreach (var (seq, publish) in attempts)
        {
            try
            {
                var result = await publish.WaitAsync(TimeSpan.FromSeconds(60), ct);
                if (result.IsSuccess)
                {
                    acknowledged.Add(seq);
                }
                else
                {
                    refused++;
                }
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or MQTTnet.Exceptions.MqttClientNotConnectedException
                || !client.IsConnected)
            {
                // A publish still in flight when the broker closed the connection fails with whatever MQTTnet's torn-down
                // channel throws (seen: a NullReferenceException from MqttClient.Send): not acknowledged, so refused.
                refused++;
            }
        }

        var reason = connected && !disconnected.Task.IsCompleted ? null : await DisconnectReasonAsync(disconnected.Task, ct);
        return new FloodOutcome(attempts.Count, acknowledged, refused, reason, sendingTime);
    }

    /// <summary>
    /// Starts one publish; null when the client has lost its connection. MQTTnet refuses a publish on a closed
    /// connection synchronously (<see cref="MQTTnet.Exceptions.MqttClientNotConnectedException"/>), and the broker
    /// can close it between the flooder's check and its next publish: that is the disconnect the flood tests expect,
    /// so it ends the flood instead of failing the test. Whether it was the broker's doing is asserted on the
    /// disconnect reason, which this does not invent.
    /// </summary>
    private static Task<MqttClientPublishResult>? TryPublish(IMqttClient client, MqttApplicationMessage message, CancellationToken ct)
    {
        try
        {
            return client.PublishAsync(message, ct);
        }
        catch (MQTTnet.Exceptions.MqttClientNotConnectedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The reason MQTTnet reported for the disconnect. The client can see itself disconnected before the
    /// <c>DisconnectedAsync</c> event has run, so it is awaited (within a deadline) rather than sampled; null when
    /// no disconnect was reported in time, which the test then reports as a failure.
    /// </summary>
    private static async Task<MqttClientDisconnectReason?> DisconnectReasonAsync(Task<MqttClientDisconnectReason> disconnected, CancellationToken ct)
    {
        try
        {
            return await disconnected.WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public static (double P50, double P99, double Max) Percentiles(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        return (sorted[(sorted.Length - 1) / 2], sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1], sorted[^1]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync();
                }
                catch (MQTTnet.Exceptions.MqttCommunicationException)
                {
                    // Already gone.
                }
            }

            client.Dispose();
        }
    }

    private MqttApplicationMessage Message(string device, long seq)
    {
        var payload = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(payload, seq);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(8), TimeProvider.System.GetTimestamp());
        return new MqttApplicationMessageBuilder().WithTopic(Topic(device)).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
    }
}

/// <summary>What happened to a flooder's messages.</summary>
internal sealed record FloodOutcome(int Attempted, IReadOnlyList<long> Acknowledged, int Refused, MqttClientDisconnectReason? DisconnectReason, TimeSpan SendingTime);
