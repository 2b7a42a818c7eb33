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

    private PlainSubscriber(ServerProcess process, string output)
    {
        _process = process;
        _output = output;
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
        var subscriber = new PlainSubscriber(ServerProcess.Start("sh", arguments, Path.Combine(folder, "mosquitto_sub.log")), output);
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
        finally
        {
            await PublishMarkerAsync(host, port, marker, retain: false, cancellationToken);
        }

        return subscriber;
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

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
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
