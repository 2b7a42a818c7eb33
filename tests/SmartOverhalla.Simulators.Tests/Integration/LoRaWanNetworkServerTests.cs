using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.LoRaWan;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>
/// LoRaWAN devices over a real Mosquitto: their readings leave only as ChirpStack / TTS integration messages on the
/// network server's connection, and a test client standing in for the gateway commands them with downlinks.
/// </summary>
public sealed class LoRaWanNetworkServerTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The test hosts run as Production, where the network server needs a password; the test broker admits any login.</summary>
    private const string NetworkServerPassword = "test-network-server-password";

    /// <summary>The network server's "connected and subscribed" log message.</summary>
    private const int NetworkServerConnectedEventId = 52;

    [Fact]
    public async Task LoRaWAN_devices_report_only_through_the_integrations_and_never_log_in_themselves()
    {
        using var cancel = Deadlined();
        var ct = cancel.Token;

        // Given a fleet of three lights and two household meters, the first two of each on ChirpStack and TTS by turns
        var municipality = TestNames.Municipality();
        var lights = Enumerable.Range(1, 2).Select(n => Light(municipality, n)).ToList();
        var meters = Enumerable.Range(1, 2).Select(n => Meter(municipality, n)).ToList();
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        await using var integration = await StartIntegrationRecorderAsync(municipality, [.. lights, .. meters], ct);
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, o =>
        {
            (o.Streetlights, o.Watermeters, o.MessagesPerDevice) = (3, 2, 3);
            (o.StreetlightInterval, o.WatermeterInterval) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
            (o.LoRaWan.Network, o.LoRaWan.Lights, o.LoRaWan.Meters) = ("mixed", 2, 2);
            o.NetworkServer.Password = NetworkServerPassword;
        });

        // When every device has sent its three readings
        await simulator.Host.StartAsync(ct);
        await simulator.Host.WaitForShutdownAsync(ct);
        await platform.FlushAsync(ct);
        await integration.FlushAsync(ct);

        // Then each LoRaWAN device's three readings came as uplinks of its network, with consecutive frame counters
        var (chirpStackLight, ttsLight) = (lights[0], lights[1]);
        var (chirpStackMeter, ttsMeter) = (meters[0], meters[1]);
        foreach (var device in new[] { chirpStackLight, chirpStackMeter })
        {
            var uplinks = integration.Messages.Where(m => m.Topic == ChirpStack(device).UplinkTopic).Select(Json).ToList();
            Assert.Equal(3, uplinks.Count);
            Assert.All(uplinks, u => Assert.Equal(device.DeviceId, u.GetProperty("deviceInfo").GetProperty("deviceName").GetString()));
            var fCnts = uplinks.Select(u => u.GetProperty("fCnt").GetInt64()).ToList();
            Assert.Equal([fCnts[0], fCnts[0] + 1, fCnts[0] + 2], fCnts);
        }

        foreach (var device in new[] { ttsLight, ttsMeter })
        {
            var uplinks = integration.Messages.Where(m => m.Topic == Tts(device).UplinkTopic).Select(Json).ToList();
            Assert.Equal(3, uplinks.Count);
            Assert.All(uplinks, u => Assert.Equal(device.DevEui, u.GetProperty("end_device_ids").GetProperty("dev_eui").GetString()));
        }

        Assert.Contains(integration.Messages, m => m.Topic == ChirpStack(chirpStackMeter).UplinkTopic && Json(m).GetProperty("object").TryGetProperty("volume_m3", out _));
        Assert.Contains(integration.Messages, m => m.Topic == Tts(ttsLight).UplinkTopic && Json(m).GetProperty("uplink_message").GetProperty("decoded_payload").TryGetProperty("dim", out _));

        // And nothing of theirs on the device tree (no telemetry, no online status: they never connected), while the third light did
        var lorawanIds = lights.Concat(meters).Select(d => d.DeviceId).ToHashSet();
        Assert.DoesNotContain(platform.Messages, m => m.DeviceTopic is { } topic && lorawanIds.Contains(topic.DeviceId));
        Assert.Equal(3, platform.Messages.Count(m => m.Is(MessageType.Telemetry) && m.DeviceTopic?.DeviceId == DeviceId(municipality, "light", 3)));
        Assert.Contains(simulator.Logs.GetSnapshot(), r => r.Id.Id == NetworkServerConnectedEventId && r.Message.Contains("network-server", StringComparison.Ordinal));
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task A_confirmed_ChirpStack_downlink_is_applied_acked_with_its_queue_item_id_and_reported_in_the_next_uplink()
    {
        using var cancel = Deadlined();
        var ct = cancel.Token;

        // Given one ChirpStack light that would report only once an hour by itself
        var municipality = TestNames.Municipality();
        var light = ChirpStack(Light(municipality, 1));
        await using var gateway = await StartIntegrationRecorderAsync(municipality, [light], ct);
        using var simulator = await StartLightAsync(municipality, "chirpstack", ct);

        // When the gateway queues a confirmed dim-level-v1 downlink of 37 %
        var queueItemId = Guid.NewGuid().ToString("D");
        var downlink = $$"""{"id":"{{queueItemId}}","devEui":"{{light.DevEui.ToLowerInvariant()}}","confirmed":true,"fPort":10,"data":"{{Convert.ToBase64String([37])}}"}""";
        await gateway.PublishAsync(light.DownlinkTopic, Encoding.UTF8.GetBytes(downlink), ct);

        // Then the network server says the device acknowledged that queue item
        await Eventually.UntilAsync(() => gateway.Messages.Any(m => m.Topic == light.DownlinkAckTopic), Deadline, "the event/ack", ct);
        var ack = Json(gateway.Messages.First(m => m.Topic == light.DownlinkAckTopic));
        Assert.Equal(queueItemId, ack.GetProperty("queueItemId").GetString());
        Assert.True(ack.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(JsonValueKind.Number, ack.GetProperty("fCntDown").ValueKind);
        Assert.Equal(light.DevEui.ToLowerInvariant(), ack.GetProperty("deviceInfo").GetProperty("devEui").GetString());

        // And the light reports the level in an uplink soon after, long before its own schedule would
        await Eventually.UntilAsync(() => gateway.Messages.Any(m => m.Topic == light.UplinkTopic), Deadline, "the uplink after the downlink", ct);
        var uplink = Json(gateway.Messages.First(m => m.Topic == light.UplinkTopic));
        Assert.Equal(37, uplink.GetProperty("object").GetProperty("dim").GetInt32());
        Assert.True(IndexOf(gateway, light.DownlinkAckTopic) < IndexOf(gateway, light.UplinkTopic), "the ack goes out before the uplink");
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task A_confirmed_TTS_downlink_is_applied_acked_with_its_correlation_ids_and_reported_in_the_next_uplink()
    {
        using var cancel = Deadlined();
        var ct = cancel.Token;

        // Given one TTS light that would report only once an hour by itself
        var municipality = TestNames.Municipality();
        var light = Tts(Light(municipality, 1));
        await using var gateway = await StartIntegrationRecorderAsync(municipality, [light], ct);
        using var simulator = await StartLightAsync(municipality, "tts", ct);

        // When the gateway pushes a confirmed dim-level-v1 downlink of 64 % for its command c-7
        var push = $$"""{"downlinks":[{"f_port":10,"frm_payload":"{{Convert.ToBase64String([64])}}","priority":"NORMAL","confirmed":true,"correlation_ids":["smartoverhalla:cmd:c-7"]}]}""";
        await gateway.PublishAsync(light.DownlinkTopic, Encoding.UTF8.GetBytes(push), ct);

        // Then TTS reports the downlink acknowledged, carrying the pushed correlation id
        await Eventually.UntilAsync(() => gateway.Messages.Any(m => m.Topic == light.DownlinkAckTopic), Deadline, "the down/ack", ct);
        var ack = Json(gateway.Messages.First(m => m.Topic == light.DownlinkAckTopic)).GetProperty("downlink_ack");
        Assert.Contains("smartoverhalla:cmd:c-7", ack.GetProperty("correlation_ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(10, ack.GetProperty("f_port").GetInt32());
        Assert.Equal([64], Convert.FromBase64String(ack.GetProperty("frm_payload").GetString()!));
        Assert.True(ack.GetProperty("confirmed").GetBoolean());

        // And the next uplink reports the level
        await Eventually.UntilAsync(() => gateway.Messages.Any(m => m.Topic == light.UplinkTopic), Deadline, "the uplink after the downlink", ct);
        var uplink = Json(gateway.Messages.First(m => m.Topic == light.UplinkTopic));
        Assert.Equal(64, uplink.GetProperty("uplink_message").GetProperty("decoded_payload").GetProperty("dim").GetInt32());
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task Malformed_downlinks_are_logged_and_counted_and_the_light_still_takes_the_next_good_one()
    {
        using var cancel = Deadlined();
        var ct = cancel.Token;

        // Given one ChirpStack light
        var municipality = TestNames.Municipality();
        var light = ChirpStack(Light(municipality, 1));
        await using var gateway = await StartIntegrationRecorderAsync(municipality, [light], ct);
        using var simulator = await StartLightAsync(municipality, "chirpstack", ct);
        var metrics = simulator.Host.Services.GetRequiredService<SimulatorMetrics>();

        // When the gateway sends garbage, a payload of two bytes and a level above 100, then a good unconfirmed one
        await gateway.PublishAsync(light.DownlinkTopic, "{not json"u8.ToArray(), ct);
        await gateway.PublishAsync(light.DownlinkTopic, Encoding.UTF8.GetBytes($$"""{"id":"a","confirmed":true,"fPort":10,"data":"{{Convert.ToBase64String([1, 2])}}"}"""), ct);
        await gateway.PublishAsync(light.DownlinkTopic, Encoding.UTF8.GetBytes($$"""{"id":"b","confirmed":true,"fPort":10,"data":"{{Convert.ToBase64String([101])}}"}"""), ct);
        await gateway.PublishAsync(light.DownlinkTopic, Encoding.UTF8.GetBytes($$"""{"id":"c","confirmed":false,"fPort":10,"data":"{{Convert.ToBase64String([12])}}"}"""), ct);

        // Then the three bad ones are counted and logged as warnings, and the good one is applied and reported
        await Eventually.UntilAsync(() => gateway.Messages.Any(m => m.Topic == light.UplinkTopic), Deadline, "the uplink after the good downlink", ct);
        Assert.Equal(12, Json(gateway.Messages.First(m => m.Topic == light.UplinkTopic)).GetProperty("object").GetProperty("dim").GetInt32());
        Assert.Equal(3, metrics.MalformedDownlinks);
        Assert.Equal(3, simulator.Logs.GetSnapshot().Count(r => r.Id.Id == 56 && r.Level == LogLevel.Warning));

        // And an unconfirmed downlink is not acked, nor any of the bad ones
        await gateway.FlushAsync(ct);
        Assert.DoesNotContain(gateway.Messages, m => m.Topic == light.DownlinkAckTopic);
        Assert.Empty(simulator.Errors);
    }

    [Theory]
    [InlineData("chirpstack", false)]
    [InlineData("tts", true)]
    public async Task Duplicated_uplinks_arrive_twice_byte_for_byte_with_the_same_frame_counter(string network, bool viaWaterRadio)
    {
        using var cancel = Deadlined();
        var ct = cancel.Token;

        // Given one LoRaWAN water meter whose every uplink is delivered twice (by the integration, or by the radio fault of water meters)
        var municipality = TestNames.Municipality();
        var meter = Meter(municipality, 1);
        var identity = network == "tts" ? Tts(meter) : ChirpStack(meter);
        await using var integration = await StartIntegrationRecorderAsync(municipality, [identity], ct);
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, o =>
        {
            (o.Watermeters, o.MessagesPerDevice, o.WatermeterInterval) = (1, 3, TimeSpan.FromMilliseconds(100));
            (o.LoRaWan.Network, o.LoRaWan.Lights) = (network, 0);
            o.NetworkServer.Password = NetworkServerPassword;
            if (viaWaterRadio)
            {
                o.Water.Radio.DuplicateProbability = 1;
            }
            else
            {
                o.LoRaWan.DuplicateProbability = 1;
            }
        });

        // When it has sent its three readings
        await simulator.Host.StartAsync(ct);
        await simulator.Host.WaitForShutdownAsync(ct);
        await integration.FlushAsync(ct);

        // Then six uplinks arrived: three frames, each twice and identical
        var uplinks = integration.Messages.Where(m => m.Topic == identity.UplinkTopic).ToList();
        Assert.Equal(6, uplinks.Count);
        var frames = uplinks.GroupBy(m => Encoding.UTF8.GetString(m.Payload)).ToList();
        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal(2, f.Count()));
        var fCnts = frames.Select(f => FCnt(Json(f.First()), network)).Order().ToList();
        Assert.Equal([fCnts[0], fCnts[0] + 1, fCnts[0] + 2], fCnts);
        Assert.Empty(simulator.Errors);
    }

    private static long FCnt(JsonElement uplink, string network) =>
        network == "tts"
            ? uplink.GetProperty("uplink_message").TryGetProperty("f_cnt", out var f) ? f.GetInt64() : 0
            : uplink.GetProperty("fCnt").GetInt64();

    private static CancellationTokenSource Deadlined()
    {
        var deadline = new CancellationTokenSource(Deadline, TimeProvider.System);
        return CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadline.Token);
    }

    /// <summary>One LoRaWAN light reporting hourly, started, its network server connected and subscribed.</summary>
    private async Task<SimulatorHost> StartLightAsync(string municipality, string network, CancellationToken ct)
    {
        var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, o =>
        {
            (o.Streetlights, o.StreetlightInterval) = (1, TimeSpan.FromHours(1));
            (o.LoRaWan.Network, o.LoRaWan.Meters, o.LoRaWan.UplinkAfterDownlink) = (network, 0, TimeSpan.FromMilliseconds(200));
            o.NetworkServer.Password = NetworkServerPassword;
        });
        try
        {
            await simulator.Host.StartAsync(ct);
            await Eventually.UntilAsync(() => simulator.Logs.GetSnapshot().Any(r => r.Id.Id == NetworkServerConnectedEventId), Deadline, "the network server subscribed", ct);
            return simulator;
        }
        catch
        {
            simulator.Dispose();
            throw;
        }
    }

    /// <summary>A client that sees the integration's topics of <paramref name="devices"/> (and publishes downlinks as the gateway).</summary>
    private Task<MqttRecorder> StartIntegrationRecorderAsync(string municipality, IReadOnlyList<LoRaWanIdentity> devices, CancellationToken ct) =>
        MqttRecorder.StartAsync(
            mosquitto.Server.Host,
            mosquitto.Server.Port,
            [.. devices.SelectMany(d => new[] { $"application/+/device/{d.DevEui.ToLowerInvariant()}/event/#", $"v3/+/devices/{d.DeviceId}/up", $"v3/+/devices/{d.DeviceId}/down/ack" })],
            $"sentinel/{municipality}",
            ct);

    private static int IndexOf(MqttRecorder recorder, string topic) => recorder.Messages.ToList().FindIndex(m => m.Topic == topic);

    private static JsonElement Json(ReceivedMessage message)
    {
        using var document = JsonDocument.Parse(message.Payload);
        return document.RootElement.Clone();
    }

    private static string DeviceId(string municipality, string kind, int number) => $"{municipality}-{kind}-{number:D4}";

    private static LoRaWanIdentity Light(string municipality, int number)
    {
        var id = DeviceId(municipality, "light", number);
        return new(LoRaWanNetwork.ChirpStack, LoRaWanProfile.Light, DevEui.Of(municipality, DeviceKind.Streetlight, id), id);
    }

    private static LoRaWanIdentity Meter(string municipality, int number)
    {
        var id = DeviceId(municipality, "water", number);
        return new(LoRaWanNetwork.ChirpStack, LoRaWanProfile.Water, DevEui.Of(municipality, DeviceKind.Watermeter, id), id);
    }

    private static LoRaWanIdentity ChirpStack(LoRaWanIdentity device) => device with { Network = LoRaWanNetwork.ChirpStack };

    private static LoRaWanIdentity Tts(LoRaWanIdentity device) => device with { Network = LoRaWanNetwork.Tts };
}
