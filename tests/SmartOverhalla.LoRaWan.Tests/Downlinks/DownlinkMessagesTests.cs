using System.Text.Json;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.LoRaWan.Tests.Downlinks;

/// <summary>
/// ChirpStack v4: integration.proto DownlinkCommand (id, devEui, confirmed, fPort, data base64) on
/// application/{applicationId}/device/{devEui}/command/down; chirpstack/src/integration/mqtt.rs refuses a command
/// whose payload devEui is not the topic's, compared as text. TTS: "Data Formats" Downlink Messages
/// ({"downlinks":[{f_port, frm_payload, priority, confirmed, correlation_ids}]}, end_device_ids optional on MQTT) on
/// v3/{app}[@tenant]/devices/{device}/down/push ("MQTT Server").
/// </summary>
public sealed class DownlinkMessagesTests
{
    private const string CmdId = "7d1c0f5e-3b2a-4c9d-8e6f-1a2b3c4d5e6f";
    private static readonly CommandProfile Commands = new(CommandEncoders.DimLevelV1, 10, true);

    [Fact]
    public void Build_ChirpStack_IsTheDocumentedDeviceQueueItem()
    {
        // Given a light on ChirpStack (DevEUI as the registry keeps it) and its encoded level 70
        var address = new DownlinkAddress(LoRaWanNetwork.ChirpStack, "5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33", null, "70B3D5E75E0000A2", "sl-0042");

        // When the downlink is built
        var message = DownlinkMessages.Build(address, Commands, [0x46], CmdId);

        // Then the topic and every field are ChirpStack's, the DevEUI lower case in both
        Assert.Equal("application/5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33/device/70b3d5e75e0000a2/command/down", message.Topic);
        using var json = JsonDocument.Parse(message.Payload);
        var root = json.RootElement;
        Assert.Equal(["id", "devEui", "confirmed", "fPort", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(CommandCorrelation.QueueItemId(CmdId), Guid.Parse(root.GetProperty("id").GetString()!));
        Assert.Equal("70b3d5e75e0000a2", root.GetProperty("devEui").GetString());
        Assert.True(root.GetProperty("confirmed").GetBoolean());
        Assert.Equal(10, root.GetProperty("fPort").GetInt32());
        Assert.Equal("Rg==", root.GetProperty("data").GetString());
    }

    [Fact]
    public void Build_ChirpStack_PayloadDevEuiIsTheTopicsAsText()
    {
        // ChirpStack compares the payload's dev_eui with the topic's as strings
        var address = new DownlinkAddress(LoRaWanNetwork.ChirpStack, "app", null, "70B3D5E75E0000A2", "sl-0042");

        var message = DownlinkMessages.Build(address, Commands, [0x1E], CmdId);

        using var json = JsonDocument.Parse(message.Payload);
        Assert.Equal(message.Topic.Split('/')[3], json.RootElement.GetProperty("devEui").GetString());
    }

    [Theory]
    [InlineData("overhalla", "v3/overhalla-lys@overhalla/devices/sl-0042/down/push")]
    [InlineData(null, "v3/overhalla-lys/devices/sl-0042/down/push")]
    public void Build_Tts_IsTheDocumentedDownlinkPush(string? tenant, string topic)
    {
        // Given a light on TTS, unconfirmed on port 12
        var address = new DownlinkAddress(LoRaWanNetwork.TheThingsStack, "overhalla-lys", tenant, "70B3D5E75E0000A2", "sl-0042");

        // When the downlink is built
        var message = DownlinkMessages.Build(address, Commands with { FPort = 12, Confirmed = false }, [0x64], CmdId);

        // Then it goes to the device's push topic (by device id), with one downlink carrying our correlation id
        Assert.Equal(topic, message.Topic);
        using var json = JsonDocument.Parse(message.Payload);
        var downlink = Assert.Single(json.RootElement.GetProperty("downlinks").EnumerateArray());
        Assert.Equal(["f_port", "frm_payload", "priority", "confirmed", "correlation_ids"], downlink.EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, downlink.GetProperty("f_port").GetInt32());
        Assert.Equal("ZA==", downlink.GetProperty("frm_payload").GetString());
        Assert.Equal("NORMAL", downlink.GetProperty("priority").GetString());
        Assert.False(downlink.GetProperty("confirmed").GetBoolean());
        Assert.Equal(["smartoverhalla:cmd:" + CmdId], downlink.GetProperty("correlation_ids").EnumerateArray().Select(id => id.GetString()));
    }

    [Fact]
    public void Build_SameCommandTwice_SameBytes()
    {
        var address = new DownlinkAddress(LoRaWanNetwork.ChirpStack, "app", null, "70B3D5E75E0000A2", "sl-0042");

        Assert.Equal(DownlinkMessages.Build(address, Commands, [0x46], CmdId).Payload, DownlinkMessages.Build(address, Commands, [0x46], CmdId).Payload);
    }
}
