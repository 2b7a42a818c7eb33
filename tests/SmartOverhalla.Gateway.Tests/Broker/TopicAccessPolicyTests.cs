using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Broker;

namespace SmartOverhalla.Gateway.Tests.Broker;

public sealed class TopicAccessPolicyTests
{
    private static readonly BrokerPrincipal Light = BrokerPrincipal.Device("overhalla/streetlight/l1", "overhalla", DeviceKind.Streetlight, "l1");
    private static readonly BrokerPrincipal Gateway = new(BrokerRole.Gateway, "smartoverhalla-gateway");
    private static readonly BrokerPrincipal Ingestion = new(BrokerRole.Ingestion, "smartoverhalla-ingestion");

    [Theory]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/telemetry", true)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/event", true)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/status", true)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/ack", true)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/cmd", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l2/telemetry", false)]
    [InlineData("smartcity/v1/namsos/streetlight/l1/telemetry", false)]
    [InlineData("smartcity/v1/overhalla/watermeter/l1/telemetry", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/telemetry/x", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1", false)]
    [InlineData("platform/v1/deadletter/ingestion", false)]
    [InlineData("$SYS/broker/uptime", false)]
    [InlineData("", false)]
    public void MayPublish_Device_OnlyItsOwnDeviceToPlatformTopics(string topic, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MayPublish(Light, topic));
    }

    [Theory]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/cmd", true)]
    [InlineData("smartcity/v1/overhalla/streetlight/l2/cmd", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/+/cmd", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/#", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/+", false)]
    [InlineData("#", false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/telemetry", false)]
    public void MaySubscribe_Device_OnlyItsOwnCommandTopicExactly(string filter, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MaySubscribe(Light, filter));
    }

    [Theory]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/cmd", true, false)]
    [InlineData("smartcity/v1/overhalla/watermeter/m1/cmd", true, false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/telemetry", false, false)]
    [InlineData("smartcity/v1/overhalla/streetlight/l1/status", false, false)]
    [InlineData("platform/v1/deadletter/ingestion", false, true)]
    [InlineData("platform/v1/deadletter/", false, false)]
    [InlineData("platform/v1/other", false, false)]
    public void MayPublish_ServiceAccounts_GatewayCommandsAndIngestionDeadLetters(string topic, bool gateway, bool ingestion)
    {
        Assert.Equal(gateway, TopicAccessPolicy.MayPublish(Gateway, topic));
        Assert.Equal(ingestion, TopicAccessPolicy.MayPublish(Ingestion, topic));
    }

    [Theory]
    [InlineData("smartcity/v1/+/+/+/telemetry", true)]
    [InlineData("smartcity/v1/#", true)]
    [InlineData("$share/ingestion/smartcity/v1/+/+/+/telemetry", true)]
    [InlineData("#", false)]
    [InlineData("+/v1/#", false)]
    [InlineData("$share/ingestion/#", false)]
    [InlineData("$SYS/#", false)]
    [InlineData("smartcity/v1/", false)]
    public void MaySubscribe_ServiceAccounts_OnlyWithinTheDeviceTree(string filter, bool allowed)
    {
        Assert.Equal(allowed, TopicAccessPolicy.MaySubscribe(Gateway, filter));
        Assert.Equal(allowed, TopicAccessPolicy.MaySubscribe(Ingestion, filter));
    }
}
