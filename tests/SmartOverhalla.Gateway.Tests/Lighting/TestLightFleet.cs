using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>
/// Street lights on the far side of a real broker, played by one MQTT client: announces each light online,
/// receives every light's commands, and acks them with the applied level — except lights told to stay silent.
/// A fleet started <c>withoutDeviceId</c> leaves <c>deviceId</c> out of its payloads, as the contract allows (the topic
/// names the device).
/// </summary>
internal sealed class TestLightFleet : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SetDimCommand>> _received = new(StringComparer.Ordinal);
    private readonly string _municipality;
    private readonly bool _withoutDeviceId;

    private TestLightFleet(string municipality, IReadOnlyList<string> lights, IReadOnlySet<string> silent, bool withoutDeviceId)
    {
        _municipality = municipality;
        _withoutDeviceId = withoutDeviceId;
        Lights = lights;
        Silent = silent;
    }

    public IReadOnlyList<string> Lights { get; }

    public IReadOnlySet<string> Silent { get; }

    public int CommandCount => _received.Values.Sum(q => q.Count);

    public IReadOnlyCollection<SetDimCommand> CommandsTo(string light) => _received.TryGetValue(light, out var q) ? q : [];

    public static async Task<TestLightFleet> StartAsync(
        string host, int port, string municipality, int count, IReadOnlySet<string>? silent, CancellationToken ct, bool withoutDeviceId = false)
    {
        var lights = Enumerable.Range(1, count).Select(i => $"lys-{i:D5}").ToList();
        var fleet = new TestLightFleet(municipality, lights, silent ?? new HashSet<string>(), withoutDeviceId);
        fleet._client.ApplicationMessageReceivedAsync += fleet.OnCommandAsync;
        await fleet._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId("fleet-" + municipality).Build(), ct);
        await fleet._client.SubscribeAsync($"smartcity/v1/{municipality}/streetlight/+/cmd", MqttQualityOfServiceLevel.AtLeastOnce, ct);
        var now = TimeProvider.System.GetUtcNow();
        foreach (var light in lights)
        {
            await fleet.PublishAsync(light, "status", JsonSerializer.SerializeToUtf8Bytes(new DeviceStatus(light, now, DeviceState.Online), ContractJsonContext.Default.DeviceStatus), retain: true, ct);
        }

        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var light = e.ApplicationMessage.Topic.Split('/')[4];
        var command = (SetDimCommand)JsonSerializer.Deserialize(e.ApplicationMessage.Payload.FirstSpan, ContractJsonContext.Default.DeviceCommand)!;
        _received.GetOrAdd(light, _ => new ConcurrentQueue<SetDimCommand>()).Enqueue(command);
        if (Silent.Contains(light))
        {
            return;
        }

        // Acked from another task: the receive handler must not wait on the broker's answer to its own publish.
        var ack = new CommandAck(light, TimeProvider.System.GetUtcNow(), command.CmdId, AckResult.Applied, command.Level);
        _ = Task.Run(() => PublishAsync(light, "ack", JsonSerializer.SerializeToUtf8Bytes(ack, ContractJsonContext.Default.CommandAck), retain: false, CancellationToken.None));
        await Task.CompletedTask;
    }

    private Task PublishAsync(string light, string message, byte[] payload, bool retain, CancellationToken ct) =>
        _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic($"smartcity/v1/{_municipality}/streetlight/{light}/{message}")
                .WithPayload(_withoutDeviceId ? WithoutDeviceId(payload) : payload)
                .WithRetainFlag(retain)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            ct);

    private static byte[] WithoutDeviceId(byte[] payload)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        Assert.True(json.Remove("deviceId"), "the fleet's payloads name their device");
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }
}
