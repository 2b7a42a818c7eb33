using System.Globalization;
using MQTTnet;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// The broker's pass-through ceiling: Mosquitto's own command-line subscriber (<c>mosquitto_sub</c>, C, QoS 1,
/// MQTT 5) takes the publisher's messages and does nothing with them; it exits after the expected count. It is ready
/// when it has received a retained marker message published before it started (the broker sends it with the SUBACK).
/// </summary>
internal sealed class PlainSubscriber : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly string _output;

    private readonly string _host;
    private readonly int _port;
    private readonly string _marker;

    private PlainSubscriber(ServerProcess process, string output, string host, int port, string marker)
    {
        _process = process;
        _output = output;
        _host = host;
        _port = port;
        _marker = marker;
    }

    public int Pid => _process.Pid;

    public static async Task<PlainSubscriber> StartAsync(string host, int port, string topicFilter, int messages, string folder, CancellationToken cancellationToken)
    {
        var marker = "bench/ready/" + Guid.NewGuid().ToString("N")[..8];
        await PublishMarkerAsync(host, port, marker, retain: true, cancellationToken);
        var output = Path.Combine(folder, "mosquitto_sub.out");
        string[] arguments =
        [
            "-c", "exec mosquitto_sub \"$@\" > \"$0\"", output,
            "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1",
            "-i", "smartoverhalla-bench-sub-" + marker[^8..],
            "-t", marker, "-t", topicFilter, "-C", (messages + 1).ToString(CultureInfo.InvariantCulture), "-F", "%t",
        ];
        var subscriber = new PlainSubscriber(ServerProcess.Start("sh", arguments, Path.Combine(folder, "mosquitto_sub.log")), output, host, port, marker);
        try
        {
            await Eventually.UntilAsync(
                () => subscriber._process.HasExited
                    ? throw new InvalidOperationException($"mosquitto_sub exited at start (code {subscriber._process.ExitCode}); see {folder}")
                    : File.Exists(output) && File.ReadLines(output).FirstOrDefault() == marker,
                TimeSpan.FromSeconds(30),
                "mosquitto_sub to subscribe",
                cancellationToken);
        }
        catch
        {
            await subscriber.DisposeAsync();
            throw;
        }
        return subscriber;
    }

    /// <summary>Messages received so far (lines of its output, the marker not counted).</summary>
    public long Received()
    {
        using var stream = new FileStream(_output, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long lines = 0;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return Math.Max(0, lines - 1);
    }

    /// <summary>Waits until the subscriber has received every message and exited; returns when (Unix ms).</summary>
    public async Task<long> WaitForAllAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(deadline, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await _process.WaitForExitAsync(linked.Token);
        var at = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_sub exited with code {_process.ExitCode}");
        }

        return at;
    }

    /// <summary>
    /// Stops the subscriber, then clears the retained marker (clearing it while the subscriber listens would deliver the
    /// empty message to it, and it would count it as one of the benchmark's).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _process.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), TimeProvider.System);
        await PublishMarkerAsync(_host, _port, _marker, retain: false, timeout.Token);
    }

    /// <summary>Publishes (or, with <paramref name="retain"/> false, clears) the retained readiness marker.</summary>
    private static async Task PublishMarkerAsync(string host, int port, string topic, bool retain, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId("smartoverhalla-bench-marker").Build(), cancellationToken);
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithRetainFlag()
            .WithPayload(retain ? "ready"u8.ToArray() : [])
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await client.PublishAsync(message, cancellationToken);
        await client.DisconnectAsync(cancellationToken: cancellationToken);
    }
}
