using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Broker;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>The LoRaWAN rights of TopicAccessPolicy (spec lorawan.md, "Broker"): network server, gateway, ingestion; devices none.</summary>
public sealed class LoRaWanAccessPolicyTests
{
    private const string ChirpStackUp = "application/0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11/device/70b3d5e75e000001/event/up";
    private static readonly BrokerPrincipal Light = BrokerPrincipal.Device("overhalla/streetlight/l1", "overhalla", DeviceKind.Streetlight, "l1");
    private static readonly BrokerPrincipal Gateway = new(BrokerRole.Gateway, "smartoverhalla-gateway");
    private static readonly BrokerPrincipal Ingestion = new(BrokerRole.Ingestion, "smartoverhalla-ingestion");
    private static readonly BrokerPrincipal NetworkServer = new(BrokerRole.NetworkServer, "network-server");
    private static readonly BrokerPrincipal Anonymous = new(BrokerRole.Anonymous, "anonymous");

    [Theory]
    [InlineData(ChirpStackUp, true)]
    [InlineData("application/app/device/70b3d5e75e000001/event/ack", true)]
    [InlineData("application/app/device/70b3d5e75e000001/event/join", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/up", true)]
    [InlineData("v3/overhalla-vann@ttn/devices/wm-0001/up", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/ack", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/nack", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/sent", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/failed", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/queued", true)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/push", false)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/down/other", false)]
    [InlineData("application/app/device/d/command/down", false)]
    [InlineData("application/app/device/d/event", false)]
    [InlineData("application/app/device/d/event/up/x", false)]
    [InlineData("application//device/d/event/up", false)]
    [InlineData("application/app/device/d/event/", false)]
    [InlineData("application/+/device/d/event/up", false)]
    [InlineData("v3//devices/wm-0001/up", false)]
    [InlineData("v3/app/devices/wm-0001/up/x", false)]
    [InlineData("v3/app/device/wm-0001/up", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/telemetry", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/cmd", false)]
    [InlineData("platform/v1/deadletter/ingestion", false)]
    public void MayPublish_NetworkServer_OnlyItsEventsAndUplinks(string topic, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MayPublish(NetworkServer, topic));
    }

    [Theory]
    [InlineData("application/+/device/+/command/down", true)]
    [InlineData("application/app/device/+/command/down", true)]
    [InlineData("application/app/device/70b3d5e75e000001/command/down", true)]
    [InlineData("v3/+/devices/+/down/push", true)]
    [InlineData("v3/overhalla-lys/devices/+/down/push", true)]
    [InlineData("application/+/device/+/command/+", true)]
    [InlineData("application/+/device/+/command/#", false)]
    [InlineData("application/+/device/+/event/up", false)]
    [InlineData("application/#", false)]
    [InlineData("v3/+/devices/+/#", false)]
    [InlineData("v3/+/devices/+/up", false)]
    [InlineData("$share/ns/application/+/device/+/command/down", false)]
    [InlineData("smartcity/v1/#", false)]
    [InlineData("#", false)]
    [InlineData("+/+/+/+/+/+", false)]
    public void MaySubscribe_NetworkServer_OnlyDownlinks(string filter, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MaySubscribe(NetworkServer, filter));
    }

    [Theory]
    [InlineData("application/app/device/70b3d5e75e000001/command/down", true)]
    [InlineData("v3/overhalla-lys/devices/sl-0001/down/push", true)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/cmd", true)]
    [InlineData(ChirpStackUp, false)]
    [InlineData("v3/overhalla-lys/devices/sl-0001/up", false)]
    [InlineData("v3/overhalla-lys/devices/sl-0001/down/ack", false)]
    [InlineData("application/app/device/+/command/down", false)]
    [InlineData("application//device/d/command/down", false)]
    public void MayPublish_Gateway_DownlinksBesideCommands(string topic, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MayPublish(Gateway, topic));
    }

    [Theory]
    [InlineData("application/+/device/+/event/#", true)]
    [InlineData("application/+/device/+/event/ack", true)]
    [InlineData("application/+/device/+/event/+", true)]
    [InlineData("application/app/device/+/event/up", true)]
    [InlineData("v3/+/devices/+/#", true)]
    [InlineData("v3/+/devices/+/down/ack", true)]
    [InlineData("v3/+/devices/+/down/+", true)]
    [InlineData("$share/gw/v3/+/devices/+/down/#", true)]
    [InlineData("smartcity/v1/#", true)]
    [InlineData("#", false)]
    [InlineData("application/#", false)]
    [InlineData("application/+/device/+/#", false)]
    [InlineData("application/+/device/+/command/down", false)]
    [InlineData("v3/#", false)]
    [InlineData("v3/+/#", false)]
    [InlineData("v3/+/devices/#", false)]
    [InlineData("+/+/devices/+/#", false)]
    [InlineData("application//device/+/event/#", false)]
    public void MaySubscribe_Gateway_WithinTheNetworkServersEventTrees(string filter, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MaySubscribe(Gateway, filter));
    }

    [Theory]
    [InlineData("application/+/device/+/event/up", true)]
    [InlineData("$share/ingestion/application/+/device/+/event/up", true)]
    [InlineData("v3/+/devices/+/up", true)]
    [InlineData("$share/ingestion/v3/+/devices/+/up", true)]
    [InlineData("v3/overhalla-vann/devices/+/up", true)]
    [InlineData("smartcity/v1/+/+/+/telemetry", true)]
    [InlineData("application/+/device/+/event/+", false)]
    [InlineData("application/+/device/+/event/#", false)]
    [InlineData("v3/+/devices/+/#", false)]
    [InlineData("v3/+/devices/+/down/push", false)]
    [InlineData("$share/ingestion/#", false)]
    [InlineData("#", false)]
    public void MaySubscribe_Ingestion_UplinksBesideTheDeviceTree(string filter, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MaySubscribe(Ingestion, filter));
    }

    [Theory]
    [InlineData(ChirpStackUp)]
    [InlineData("v3/overhalla-vann/devices/wm-0001/up")]
    [InlineData("application/app/device/70b3d5e75e000001/command/down")]
    [InlineData("v3/overhalla-lys/devices/sl-0001/down/push")]
    public void MayPublish_DeviceAndIngestion_NoLoRaWanTopic(string topic)
    {
        Assert.False(TopicAccessPolicy.MayPublish(Light, topic));
        Assert.False(TopicAccessPolicy.MayPublish(Ingestion, topic));
        Assert.True(TopicAccessPolicy.MayPublish(Anonymous, topic));
    }

    [Theory]
    [InlineData("application/+/device/+/event/up")]
    [InlineData("application/+/device/+/command/down")]
    [InlineData("v3/+/devices/+/#")]
    public void MaySubscribe_Device_NoLoRaWanFilter(string filter)
    {
        Assert.False(TopicAccessPolicy.MaySubscribe(Light, filter));
        Assert.True(TopicAccessPolicy.MaySubscribe(Anonymous, filter));
    }
}
