using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.FaultTests;

/// <summary>
/// Simulated street lights that stream valid telemetry (QoS 1) with unique device timestamps, and record
/// exactly which messages the broker acknowledged (PUBACK). A publish that fails (the broker went away) is
/// sent again, same device and timestamp, until it is acknowledged: every message generated is sent.
/// </summary>
internal sealed class SimulatedLights : IAsyncDisposable
{
    /// <summary>Device time between two messages of one light: timestamps are unique per device.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(100);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly SemaphoreSlim _connect = new(1, 1);
    private readonly string _host;
    private readonly int _port;
    private readonly string _municipality;
    private readonly DateTimeOffset _origin;
    private readonly long[] _nextSequence;
    private readonly HashSet<long>[] _acked;
    private long _sent;
    private long _publishRetries;
    private volatile bool _stopping;
    private Task? _stream;

    public SimulatedLights(string host, int port, string municipality, int lights, DateTimeOffset now)
    {
        _host = host;
        _port = port;
        _municipality = municipality;
        // Device clocks start 30 minutes back, in whole seconds: far from the validator's limits either way.
        _origin = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddMinutes(-30);
        _nextSequence = new long[lights];
        _acked = [.. Enumerable.Range(0, lights).Select(_ => new HashSet<long>())];
    }

    public int Lights => _nextSequence.Length;

    /// <summary>Messages the broker has acknowledged.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Publishes that failed (connection lost) and were sent again.</summary>
    public long PublishRetries => Interlocked.Read(ref _publishRetries);

    public static string DeviceId(int light) => "fault-light-" + light.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The acknowledged device timestamps (ns since the epoch) of one light.</summary>
    public IReadOnlyCollection<long> AckedTimestamps(int light)
    {
        lock (_acked[light])
        {
            return [.. _acked[light]];
        }
    }

    /// <summary>Starts streaming: every 50 ms, one message per light, until <see cref="StopStreamingAsync"/>.</summary>
    public void StartStreaming(CancellationToken cancellationToken)
    {
        _stopping = false;
        _stream = Task.Run(() => StreamAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Stops generating messages; publishes already begun finish (acknowledged), so nothing is half sent.</summary>
    public async Task StopStreamingAsync()
    {
        _stopping = true;
        if (_stream is not null)
        {
            await _stream;
            _stream = null;
        }
    }

    /// <summary>Sends <paramref name="count"/> messages as fast as the broker takes them, spread over the lights.</summary>
    public async Task BurstAsync(int count, int concurrency, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await PublishNextAsync(i % Lights, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_stream is not null)
        {
            try
            {
                await _stream;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _connect.Dispose();
    }

    private async Task StreamAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick);
        while (!_stopping && await timer.WaitForNextTickAsync(cancellationToken))
        {
            for (var light = 0; light < Lights && !_stopping; light++)
            {
                await PublishNextAsync(light, cancellationToken);
            }
        }
    }

    private async Task PublishNextAsync(int light, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _nextSequence[light]);
        var ts = _origin + (Spacing * sequence);
        var dim = (int)(sequence % 101);
        var message = new StreetlightTelemetry(DeviceId(light), ts, dim, (40.0 * dim / 100) + 1, 1000 + (sequence * 0.001), dim > 0);
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, ContractJsonContext.Default.StreetlightTelemetry);
        var publish = new MqttApplicationMessageBuilder()
            .WithTopic($"smartcity/v1/{_municipality}/streetlight/{DeviceId(light)}/telemetry")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await EnsureConnectedAsync(cancellationToken);
                var result = await _client.PublishAsync(publish, cancellationToken);
                if (!result.IsSuccess)
                {
                    throw new BrokerRefusedException($"The broker refused a publish: {result.ReasonCode} {result.ReasonString}");
                }

                lock (_acked[light])
                {
                    _acked[light].Add(ts.ToUnixTimeMilliseconds() * 1_000_000);
                }

                Interlocked.Increment(ref _sent);
                return;
            }
            catch (Exception ex) when (ex is not BrokerRefusedException && !cancellationToken.IsCancellationRequested)
            {
                // The broker went away (restart): the same message again, once it is back.
                Interlocked.Increment(ref _publishRetries);
                await Task.Delay(ReconnectDelay, cancellationToken);
            }
        }
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _connect.WaitAsync(cancellationToken);
        try
        {
            if (!_client.IsConnected)
            {
                var options = new MqttClientOptionsBuilder()
                    .WithTcpServer(_host, _port)
                    .WithClientId("lights-" + _municipality)
                    .WithTimeout(TimeSpan.FromSeconds(5))
                    .Build();
                await _client.ConnectAsync(options, cancellationToken);
            }
        }
        finally
        {
            _connect.Release();
        }
    }

    private sealed class BrokerRefusedException(string message) : Exception(message);
}
