using Microsoft.Extensions.Logging.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>
/// Commands for a LoRaWAN light before its route is known. The control connection here is never started, so a publish
/// through it would throw: a test passes only if nothing was sent. (What is sent once the route is known, and
/// <see cref="RoutingCommandChannel"/>'s choice between a downlink and the cmd topic, are shown on a real broker:
/// LoRaWanControlFlowTests.)
/// </summary>
public sealed class LoRaWanCommandChannelTests
{
    private static readonly SetDimCommand Dim40 = new("cmd-40", ObserverParts.Now, 40, "test step");

    [Fact]
    public async Task PublishAsync_LightWithoutALearntRoute_SendsNothingAndDoesNotThrow()
    {
        // Given a LoRaWAN light not heard since the gateway started
        using var parts = new ObserverParts().WithLight();
        var log = new FakeLogger<LoRaWanCommandChannel>();
        using var connection = parts.UnconnectedControlConnection();
        var channel = new LoRaWanCommandChannel(parts.Routes, parts.Sent, connection, parts.Clock, log);
        Assert.True(parts.Registry.TryFindLight(NetworkServerJson.Municipality, NetworkServerJson.LightId, out var light));

        // When a command is sent to it
        await channel.PublishAsync(light, Dim40, TestContext.Current.CancellationToken);

        // Then nothing was sent or remembered, and the wait for its next uplink is logged
        Assert.False(parts.Sent.TryFind(new DownlinkAck(SmartOverhalla.LoRaWan.LoRaWanNetwork.TheThingsStack, NetworkServerJson.DevEui, true, null, "cmd-40", null), out _));
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Id.Id == 2206 && r.Message.Contains("cmd-40", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_RoutingALoRaWanLightWithoutRoute_NeitherSendsADownlinkNorACommand()
    {
        // Given the routing channel over the same unconnected connection
        using var parts = new ObserverParts().WithLight();
        using var connection = parts.UnconnectedControlConnection();
        var loRaWan = new LoRaWanCommandChannel(parts.Routes, parts.Sent, connection, parts.Clock, new FakeLogger<LoRaWanCommandChannel>());
        var routing = new RoutingCommandChannel(connection, loRaWan, parts.Registry);

        // When a command goes to the LoRaWAN light: nothing is published (the cmd topic would throw here)
        await routing.PublishAsync(NetworkServerJson.Municipality, NetworkServerJson.LightId, Dim40, TestContext.Current.CancellationToken);

        // And a command to a light that speaks MQTT goes to the connection (which, not connected, refuses it)
        await Assert.ThrowsAnyAsync<Exception>(() => routing.PublishAsync(NetworkServerJson.Municipality, "sl-mqtt-1", Dim40, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PublishAsync_RetryOfACommandQueuedAtTheNetworkServer_IsNotSentAgain()
    {
        // Given a light with a known route whose command was already sent as a downlink and not yet acknowledged
        using var parts = new ObserverParts().WithLight();
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(100, ObserverParts.Now)));
        Assert.True(parts.Routes.TryFind(NetworkServerJson.DevEui, out _));
        parts.Sent.Add(new SentDownlink("cmd-40", NetworkServerJson.Municipality, NetworkServerJson.LightId, 40, ObserverParts.Now));
        var log = new FakeLogger<LoRaWanCommandChannel>();
        using var connection = parts.UnconnectedControlConnection();
        var channel = new LoRaWanCommandChannel(parts.Routes, parts.Sent, connection, parts.Clock, log);
        Assert.True(parts.Registry.TryFindLight(NetworkServerJson.Municipality, NetworkServerJson.LightId, out var light));

        // When lighting control retries it (the unconnected connection would throw on a publish)
        await channel.PublishAsync(light, Dim40, TestContext.Current.CancellationToken);

        // Then nothing was published again: the network server holds it until the light's next receive window
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Id.Id == 2208 && r.Message.Contains("cmd-40", StringComparison.Ordinal));
    }
}
