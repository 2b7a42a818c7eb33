using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.Alerts;

/// <summary>Street lights played by one MQTT client on a real broker: they publish what the contract says a light publishes.</summary>
internal sealed class TestLight : IAsyncDisposable
{
    private readonly MqttTestClient _client;
    private readonly string _municipality;

    private TestLight(MqttTestClient client, string municipality)
    {
        _client = client;
        _municipality = municipality;
    }

    public static async Task<TestLight> ConnectAsync(int port, string municipality, CancellationToken ct)
    {
        var client = MqttTestClient.Clean(port);
        await client.ConnectAsync(ct);
        return new TestLight(client, municipality);
    }

    /// <summary>A retained online status: the gateway learns the light when its subscriptions are in place.</summary>
    public Task OnlineAsync(string light, CancellationToken ct) =>
        PublishAsync(light, "status", JsonSerializer.SerializeToUtf8Bytes(new DeviceStatus(light, TimeProvider.System.GetUtcNow(), DeviceState.Online), ContractJsonContext.Default.DeviceStatus), retain: true, ct);

    public Task EventAsync(string light, string type, DateTimeOffset ts, string? detail, CancellationToken ct) =>
        PublishAsync(light, "event", JsonSerializer.SerializeToUtf8Bytes(new DeviceEvent(light, ts, type, detail), ContractJsonContext.Default.DeviceEvent), retain: false, ct);

    public Task AckAsync(string light, string cmdId, int level, CancellationToken ct) =>
        PublishAsync(light, "ack", JsonSerializer.SerializeToUtf8Bytes(new CommandAck(light, TimeProvider.System.GetUtcNow(), cmdId, AckResult.Applied, level), ContractJsonContext.Default.CommandAck), retain: false, ct);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task PublishAsync(string light, string message, byte[] payload, bool retain, CancellationToken ct) =>
        _client.Client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic($"smartcity/v1/{_municipality}/streetlight/{light}/{message}")
                .WithPayload(payload)
                .WithRetainFlag(retain)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            ct);
}
