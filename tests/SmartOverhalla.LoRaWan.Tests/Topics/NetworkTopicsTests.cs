using SmartOverhalla.LoRaWan.Topics;

namespace SmartOverhalla.LoRaWan.Tests.Topics;

/// <summary>
/// Topic trees as documented: ChirpStack v4 MQTT integration (chirpstack.toml [integration.mqtt] event_topic
/// "application/{{application_id}}/device/{{dev_eui}}/event/{{event}}", command topic ".../command/{{command}}",
/// chirpstack/src/integration/mqtt.rs); The Things Stack "MQTT Server" page (topics
/// "v3/{application id}@{tenant id}/devices/{device id}/up", ".../down/ack|nack|sent|failed|queued", ".../down/push";
/// Open Source deployments leave "@{tenant id}" out).
/// </summary>
public sealed class NetworkTopicsTests
{
    [Theory]
    [InlineData("up", NetworkEvent.Uplink)]
    [InlineData("ack", NetworkEvent.DownlinkAck)]
    [InlineData("join", NetworkEvent.Other)]
    [InlineData("txack", NetworkEvent.Other)]
    [InlineData("log", NetworkEvent.Other)]
    [InlineData("status", NetworkEvent.Other)]
    public void TryParse_ChirpStackEvent_ReadsApplicationDevEuiAndEvent(string chirpEvent, NetworkEvent expected)
    {
        // Given a ChirpStack event topic
        var topic = $"application/0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11/device/70b3d5e75e000001/event/{chirpEvent}";

        // When it is parsed
        var ok = NetworkTopics.TryParse(topic, out var parsed);

        // Then every level is read, the DevEUI as ChirpStack wrote it
        Assert.True(ok);
        Assert.Equal(new NetworkTopic(LoRaWanNetwork.ChirpStack, "0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11", null, "70b3d5e75e000001", expected), parsed);
    }

    [Theory]
    [InlineData("v3/overhalla-vann/devices/wm-0001/up", "overhalla-vann", null, "wm-0001", NetworkEvent.Uplink)]
    [InlineData("v3/overhalla-vann@overhalla/devices/wm-0001/up", "overhalla-vann", "overhalla", "wm-0001", NetworkEvent.Uplink)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/down/ack", "overhalla-lys", null, "sl-0042", NetworkEvent.DownlinkAck)]
    [InlineData("v3/overhalla-lys@ttn/devices/sl-0042/down/ack", "overhalla-lys", "ttn", "sl-0042", NetworkEvent.DownlinkAck)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/down/nack", "overhalla-lys", null, "sl-0042", NetworkEvent.DownlinkNack)]
    [InlineData("v3/overhalla-lys@overhalla/devices/sl-0042/down/nack", "overhalla-lys", "overhalla", "sl-0042", NetworkEvent.DownlinkNack)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/down/sent", "overhalla-lys", null, "sl-0042", NetworkEvent.Other)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/down/failed", "overhalla-lys", null, "sl-0042", NetworkEvent.Other)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/down/queued", "overhalla-lys", null, "sl-0042", NetworkEvent.Other)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/join", "overhalla-lys", null, "sl-0042", NetworkEvent.Other)]
    [InlineData("v3/overhalla-lys/devices/sl-0042/service/data", "overhalla-lys", null, "sl-0042", NetworkEvent.Other)]
    public void TryParse_TtsTopic_SplitsTenantFromApplication(string topic, string application, string? tenant, string device, NetworkEvent expected)
    {
        // Given a TTS topic, with or without @tenant
        // When it is parsed
        var ok = NetworkTopics.TryParse(topic, out var parsed);

        // Then the application id comes without the tenant, and the tenant separately
        Assert.True(ok);
        Assert.Equal(new NetworkTopic(LoRaWanNetwork.TheThingsStack, application, tenant, device, expected), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("application")]
    [InlineData("application//device/70b3d5e75e000001/event/up")]
    [InlineData("application/app/device//event/up")]
    [InlineData("application/app/device/70b3d5e75e000001/event/")]
    [InlineData("application/app/device/70b3d5e75e000001/event/up/")]
    [InlineData("/application/app/device/70b3d5e75e000001/event/up")]
    [InlineData("application/+/device/+/event/up")]
    [InlineData("application/#")]
    [InlineData("application/app/device/70b3d5e75e000001/event/#")]
    [InlineData("application/app/device/70b3d5e75e000001/event")]
    [InlineData("application/app/device/70b3d5e75e000001/event/up/extra")]
    [InlineData("application/app/devices/70b3d5e75e000001/event/up")]
    [InlineData("application/app/device/70b3d5e75e000001/command/down")]
    [InlineData("application/app/device/70b3d5e75e000001/state/join")]
    [InlineData("application/app/device/70b3d5e75e00000g/event/up")]
    [InlineData("application/app/device/70b3d5e75e00001/event/up")]
    [InlineData("application/app/device/70b3d5e75e0000011/event/up")]
    [InlineData("application/app/device/70b3-d5e7-5e00-0001/event/up")]
    [InlineData("v3")]
    [InlineData("v3/overhalla-vann/devices/wm-0001")]
    [InlineData("v3/overhalla-vann/device/wm-0001/up")]
    [InlineData("v3/overhalla-vann/devices//up")]
    [InlineData("v3//devices/wm-0001/up")]
    [InlineData("v3/@overhalla/devices/wm-0001/up")]
    [InlineData("v3/overhalla-vann@/devices/wm-0001/up")]
    [InlineData("v3/+/devices/+/up")]
    [InlineData("v3/overhalla-vann/devices/wm-0001/#")]
    [InlineData("v3/overhalla-vann/devices/wm-0001/up/")]
    [InlineData("v4/overhalla-vann/devices/wm-0001/up")]
    [InlineData("smartcity/v1/overhalla/watermeter/wm-0001/telemetry")]
    public void TryParse_OddOrHostileTopic_IsFalse(string topic)
    {
        // Given a topic outside the two documented trees, or with an empty, wildcard or malformed level
        // When it is parsed
        var ok = NetworkTopics.TryParse(topic, out var parsed);

        // Then it is refused
        Assert.False(ok);
        Assert.Null(parsed);
    }

    [Fact]
    public void TryParse_UpperCaseDevEuiInChirpStackTopic_IsAcceptedAsWritten()
    {
        // Given a ChirpStack topic with an upper-case DevEUI (a hand-made publish; ChirpStack writes lower case)
        var ok = NetworkTopics.TryParse("application/app/device/70B3D5E75E000001/event/up", out var parsed);

        // Then it is still a DevEUI
        Assert.True(ok);
        Assert.Equal("70B3D5E75E000001", parsed!.Device);
    }

    [Fact]
    public void ChirpStackDownlink_UpperCaseDevEui_IsTheDocumentedCommandTopicInLowerCase()
    {
        // Given a DevEUI as the registry keeps it (upper case)
        // When the command topic is built
        var topic = NetworkTopics.ChirpStackDownlink("5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33", "70B3D5E75E0000A2");

        // Then it is ChirpStack's command/down topic with the DevEUI as ChirpStack writes it
        Assert.Equal("application/5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33/device/70b3d5e75e0000a2/command/down", topic);
    }

    [Theory]
    [InlineData(null, "v3/overhalla-lys/devices/sl-0042/down/push")]
    [InlineData("overhalla", "v3/overhalla-lys@overhalla/devices/sl-0042/down/push")]
    public void TtsDownlinkPush_WithOrWithoutTenant_IsTheDocumentedPushTopic(string? tenant, string expected) =>
        Assert.Equal(expected, NetworkTopics.TtsDownlinkPush("overhalla-lys", tenant, "sl-0042"));

    [Fact]
    public void DownlinkTopics_Built_ParseBackAsTheSameApplicationAndDevice()
    {
        // Given downlink topics built for a device
        var tts = NetworkTopics.TtsDownlinkPush("overhalla-lys", "overhalla", "sl-0042");

        // When parsed (the push topic is in the TTS tree but is not an event the platform reads)
        Assert.True(NetworkTopics.TryParse(tts, out var parsed));

        // Then it names the same application, tenant and device
        Assert.Equal(new NetworkTopic(LoRaWanNetwork.TheThingsStack, "overhalla-lys", "overhalla", "sl-0042", NetworkEvent.Other), parsed);
    }

    [Theory]
    [InlineData("application/app/device/70b3d5e75e000001/event/up", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/up", true)]
    [InlineData("smartcity/v1/overhalla/watermeter/wm-0001/telemetry", false)]
    [InlineData("applications/app", false)]
    [InlineData("v3", false)]
    public void IsNetworkServerTopic_Root_DecidesTheRoute(string topic, bool expected) =>
        Assert.Equal(expected, NetworkTopics.IsNetworkServerTopic(topic));

    [Fact]
    public void Filters_EveryFilter_MatchesTheTopicsItsEventParsesFrom()
    {
        // Given the subscription filters, with each '+' replaced by a concrete level
        static string Fill(string filter) => filter
            .Replace("application/+/device/+", "application/app/device/70b3d5e75e000001", StringComparison.Ordinal)
            .Replace("v3/+/devices/+", "v3/overhalla-lys/devices/sl-0042", StringComparison.Ordinal);

        // Then uplink filters give uplink topics and ack filters give ack/nack topics
        Assert.All(NetworkTopics.UplinkFilters, filter =>
            Assert.Equal(NetworkEvent.Uplink, Fixture.Topic(Fill(filter)).Event));
        Assert.All(NetworkTopics.DownlinkAckFilters, filter =>
            Assert.Contains(Fixture.Topic(Fill(filter)).Event, new[] { NetworkEvent.DownlinkAck, NetworkEvent.DownlinkNack }));
    }
}
