using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Gateway.Tests.Lighting;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>
/// Lighting control's LoRaWAN path on the gateway's real embedded broker: a test client plays the network server
/// (uplinks in, downlinks out, acknowledgements in) and a light that speaks the device contract itself.
/// </summary>
public sealed class LoRaWanControlFlowTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const string MqttLight = "sl-mqtt-1";
    private const string CmdFilter = "smartcity/v1/+/streetlight/+/cmd";
    private const string SentinelTopic = "smartcity/v1/overhalla/streetlight/sentinel/cmd";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly string[] Fleet =
    [
        $"streetlight,{NetworkServerJson.LightId},{NetworkServerJson.Municipality},,{NetworkServerJson.DevEui}",
        $"streetlight,{MqttLight},{NetworkServerJson.Municipality}",
    ];

    [Fact]
    public async Task A_ChirpStack_light_is_commanded_as_a_command_down_downlink_and_its_event_ack_is_the_commands_ack()
    {
        // Given the gateway with the shipped mapping, a ChirpStack light that has sent an uplink (70 %), and a light that speaks MQTT
        var ct = TestContext.Current.CancellationToken;
        var policy = new SettablePolicy(NetworkServerJson.Municipality);
        await using var gateway = await LoRaWanGateway.StartAsync(influx.Url, policy, NetworkServerJson.MappingFile, Fleet, ct);
        await using var server = MqttTestClient.Clean(gateway.BrokerPort);
        await server.ConnectAsync(ct);
        await server.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("application/+/device/+/command/down", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(CmdFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), ct);
        await PublishAsync(server, NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.ChirpStackUplink(70, TimeProvider.System.GetUtcNow()), ct);
        await AnnounceMqttLightAsync(server, ct);
        await Eventually.UntilAsync(() => Light(gateway)?.ReportedLevel == 70 && gateway.Store.Find(NetworkServerJson.Municipality, MqttLight) is not null, Deadline, "the gateway to hear both lights", ct);

        // When lighting control steps the municipality to 40 %
        policy.Set(40);

        // Then the LoRaWAN light's command goes to ChirpStack as a confirmed downlink of one byte, 40
        var received = await server.ReceiveUntilAsync(m => m.Topic.EndsWith("/command/down", StringComparison.Ordinal), ct);
        var downlink = received[^1];
        Assert.Equal(NetworkServerJson.ChirpStackDownTopic, downlink.Topic);
        var json = JsonNode.Parse(System.Buffers.BuffersExtensions.ToArray(downlink.Payload))!.AsObject();
        var queueItemId = json["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(queueItemId, out _), queueItemId);
        Assert.Equal("70b3d5e75e0000a2", json["devEui"]!.GetValue<string>());
        Assert.True(json["confirmed"]!.GetValue<bool>());
        Assert.Equal(10, json["fPort"]!.GetValue<int>());
        Assert.Equal(Convert.ToBase64String([40]), json["data"]!.GetValue<string>());
        Assert.Equal(5, json.Count);
        Assert.Equal(CommandCorrelation.QueueItemId(Light(gateway)!.PendingCmdId!).ToString("D"), queueItemId);

        // And the light that speaks MQTT gets its command on its cmd topic, which it acks
        var all = received.Concat(await ReceiveCmdOfMqttLightUnlessReceivedAsync(server, received, ct)).ToList();
        await AckMqttLightAsync(server, all, ct);

        // When ChirpStack reports the downlink acknowledged
        await PublishAsync(server, NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.ChirpStackAck(queueItemId, acknowledged: true, TimeProvider.System.GetUtcNow()), ct);

        // Then the light's acked level is 40, its command done
        await Eventually.UntilAsync(() => Light(gateway) is { AckedLevel: 40, PendingCmdId: null }, Deadline, "the LoRaWAN light's ack of 40 %", ct);
        await Eventually.UntilAsync(() => gateway.Store.Find(NetworkServerJson.Municipality, MqttLight) is { AckedLevel: 40, PendingCmdId: null }, Deadline, "the MQTT light's ack of 40 %", ct);
        Assert.False(Light(gateway)!.Unresponsive);

        // And the LoRaWAN light never got a command on a cmd topic (the sentinel comes after anything the gateway sent)
        all.AddRange(await SentinelAsync(server, ct));
        Assert.DoesNotContain(all, m => m.Topic.Contains("/" + NetworkServerJson.LightId + "/cmd", StringComparison.Ordinal));
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_TTS_light_is_commanded_as_a_down_push_with_the_command_in_its_correlation_ids_and_its_down_ack_is_the_commands_ack()
    {
        // Given the gateway with the shipped mapping and a TTS light that has sent an uplink (70 %)
        var ct = TestContext.Current.CancellationToken;
        var policy = new SettablePolicy(NetworkServerJson.Municipality);
        await using var gateway = await LoRaWanGateway.StartAsync(influx.Url, policy, NetworkServerJson.MappingFile, Fleet[..1], ct);
        await using var server = MqttTestClient.Clean(gateway.BrokerPort);
        await server.ConnectAsync(ct);
        await server.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("v3/+/devices/+/down/push", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(CmdFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), ct);
        await PublishAsync(server, NetworkServerJson.TtsUpTopic, NetworkServerJson.TtsUplink(70, TimeProvider.System.GetUtcNow()), ct);
        await Eventually.UntilAsync(() => Light(gateway)?.ReportedLevel == 70, Deadline, "the gateway to hear the light", ct);

        // When lighting control steps it to 40 %
        policy.Set(40);

        // Then TTS gets a down/push for the device in its application and tenant: one confirmed downlink of one byte, 40
        var received = await server.ReceiveUntilAsync(m => m.Topic.EndsWith("/down/push", StringComparison.Ordinal), ct);
        var push = received[^1];
        Assert.Equal(NetworkServerJson.TtsPushTopic, push.Topic);
        var downlinks = JsonNode.Parse(System.Buffers.BuffersExtensions.ToArray(push.Payload))!["downlinks"]!.AsArray();
        var downlink = Assert.Single(downlinks)!.AsObject();
        Assert.Equal(10, downlink["f_port"]!.GetValue<int>());
        Assert.Equal(Convert.ToBase64String([40]), downlink["frm_payload"]!.GetValue<string>());
        Assert.True(downlink["confirmed"]!.GetValue<bool>());
        var correlationIds = downlink["correlation_ids"]!.AsArray().Select(id => id!.GetValue<string>()).ToArray();
        Assert.Equal([CommandCorrelation.CorrelationId(Light(gateway)!.PendingCmdId!)], correlationIds);

        // When TTS reports it acknowledged (its down/ack repeats the downlink's correlation ids among its own)
        await PublishAsync(server, NetworkServerJson.TtsAckTopic, NetworkServerJson.TtsAck(ack: true, ["as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W", .. correlationIds], TimeProvider.System.GetUtcNow()), ct);

        // Then the light's acked level is 40, its command done, and no command went to a cmd topic
        await Eventually.UntilAsync(() => Light(gateway) is { AckedLevel: 40, PendingCmdId: null }, Deadline, "the TTS light's ack of 40 %", ct);
        var rest = await SentinelAsync(server, ct);
        Assert.DoesNotContain(received.Concat(rest), m => m.Topic.EndsWith("/cmd", StringComparison.Ordinal) && m.Topic != SentinelTopic);
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Without_a_mapping_file_the_gateway_does_not_read_the_network_servers_topics()
    {
        // Given the gateway without LoRaWan:MappingFile, the LoRaWAN light registered
        var ct = TestContext.Current.CancellationToken;
        var policy = new SettablePolicy(NetworkServerJson.Municipality);
        await using var gateway = await LoRaWanGateway.StartAsync(influx.Url, policy, mappingFile: null, Fleet, ct);
        await using var server = MqttTestClient.Clean(gateway.BrokerPort);
        await server.ConnectAsync(ct);

        // When ChirpStack forwards the light's uplink, then the MQTT light reports (the sentinel, published after it)
        await PublishAsync(server, NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.ChirpStackUplink(70, TimeProvider.System.GetUtcNow()), ct);
        await AnnounceMqttLightAsync(server, ct);
        await Eventually.UntilAsync(() => gateway.Store.Find(NetworkServerJson.Municipality, MqttLight) is not null, Deadline, "the gateway to hear the MQTT light", ct);

        // Then the LoRaWAN light's uplink did not reach lighting control
        Assert.Null(Light(gateway));
        Assert.Empty(gateway.Services.GetRequiredService<SmartOverhalla.LoRaWan.Mapping.UplinkMapping>().Profiles);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Category.StartsWith("SmartOverhalla.Gateway.LoRaWan", StringComparison.Ordinal));
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    private static Gateway.Lighting.LightState? Light(LoRaWanGateway gateway) => gateway.Store.Find(NetworkServerJson.Municipality, NetworkServerJson.LightId);

    private static Task PublishAsync(MqttTestClient client, string topic, JsonNode json, CancellationToken ct) =>
        PublishAsync(client, topic, NetworkServerJson.Bytes(json), ct);

    private static async Task PublishAsync(MqttTestClient client, string topic, byte[] payload, CancellationToken ct) =>
        await client.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);

    private static Task AnnounceMqttLightAsync(MqttTestClient client, CancellationToken ct) =>
        PublishAsync(
            client,
            $"smartcity/v1/{NetworkServerJson.Municipality}/streetlight/{MqttLight}/status",
            JsonSerializer.SerializeToUtf8Bytes(new DeviceStatus(MqttLight, TimeProvider.System.GetUtcNow(), DeviceState.Online), ContractJsonContext.Default.DeviceStatus),
            ct);

    /// <summary>The MQTT light's command: among <paramref name="received"/>, or the next one to arrive.</summary>
    private static async Task<IReadOnlyList<MqttApplicationMessage>> ReceiveCmdOfMqttLightUnlessReceivedAsync(
        MqttTestClient client, IReadOnlyList<MqttApplicationMessage> received, CancellationToken ct) =>
        received.Any(IsMqttLightCmd) ? [] : await client.ReceiveUntilAsync(IsMqttLightCmd, ct);

    private static bool IsMqttLightCmd(MqttApplicationMessage message) => message.Topic.EndsWith("/" + MqttLight + "/cmd", StringComparison.Ordinal);

    private static async Task AckMqttLightAsync(MqttTestClient client, IEnumerable<MqttApplicationMessage> received, CancellationToken ct)
    {
        var cmd = (SetDimCommand)JsonSerializer.Deserialize(System.Buffers.BuffersExtensions.ToArray(received.First(IsMqttLightCmd).Payload), ContractJsonContext.Default.DeviceCommand)!;
        Assert.Equal(40, cmd.Level);
        var ack = new CommandAck(MqttLight, TimeProvider.System.GetUtcNow(), cmd.CmdId, AckResult.Applied, cmd.Level);
        await PublishAsync(client, $"smartcity/v1/{NetworkServerJson.Municipality}/streetlight/{MqttLight}/ack", JsonSerializer.SerializeToUtf8Bytes(ack, ContractJsonContext.Default.CommandAck), ct);
    }

    /// <summary>Publishes a sentinel on a topic the client is subscribed to and returns everything received up to it.</summary>
    private static async Task<IReadOnlyList<MqttApplicationMessage>> SentinelAsync(MqttTestClient client, CancellationToken ct)
    {
        await PublishAsync(client, SentinelTopic, "{}"u8.ToArray(), ct);
        return await client.ReceiveUntilAsync(m => m.Topic == SentinelTopic, ct);
    }
}
