using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// Issue 5's device-security scenarios, run through both brokers (embedded and Mosquitto). Where something must
/// NOT arrive, an ingestion-like wildcard subscriber (or the device) waits for a sentinel sent after it: what did not
/// arrive before the sentinel never will (both brokers keep per-client order).
/// </summary>
internal static class DeviceAclScenarios
{
    public static async Task AnonymousAndWrongPasswordAreRefusedAsync(SecuredBroker broker, string municipality, CancellationToken ct)
    {
        var device = await broker.RegisterAsync(municipality, "streetlight", "l-auth", ct);

        var (anonymous, anonymousResult) = await MqttSession.ConnectAsync(broker.Port, device.DeviceId, null, null, ct);
        await using (anonymous)
        {
            Assert.Equal(MqttClientConnectResultCode.NotAuthorized, anonymousResult.ResultCode);
            Assert.False(anonymous.Client.IsConnected);
        }

        var (wrong, wrongResult) = await MqttSession.ConnectAsync(broker.Port, device.DeviceId, device.Username, device.Secret + "x", ct);
        await using (wrong)
        {
            // Mosquitto 2.0 answers 0x87 Not authorized to a bad password as well; the embedded broker 0x86.
            Assert.Contains(wrongResult.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
            Assert.False(wrong.Client.IsConnected);
        }

        var (unknown, unknownResult) = await MqttSession.ConnectAsync(broker.Port, "l-nobody", $"{municipality}/streetlight/l-nobody", device.Secret, ct);
        await using (unknown)
        {
            Assert.NotEqual(MqttClientConnectResultCode.Success, unknownResult.ResultCode);
        }

        var (own, ownResult) = await broker.ConnectDeviceAsync(device, ct);
        await using (own)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, ownResult.ResultCode);
        }
    }

    public static async Task DeviceCannotPublishToAnotherDeviceOrToCommandsAsync(SecuredBroker broker, string municipality, CancellationToken ct)
    {
        var light = await broker.RegisterAsync(municipality, "streetlight", "l-pub-1", ct);
        var other = await broker.RegisterAsync(municipality, "streetlight", "l-pub-2", ct);
        var (ingestion, ingestionResult) = await broker.ConnectIngestionAccountAsync(ct);
        await using var _ = ingestion;
        Assert.Equal(MqttClientConnectResultCode.Success, ingestionResult.ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await ingestion.SubscribeAsync($"smartcity/v1/{municipality}/#", ct));

        string[] forbidden =
        [
            other.Topic("telemetry"),
            other.Topic("status"),
            other.Topic("cmd"),
            light.Topic("cmd"),
            $"smartcity/v1/other-town/streetlight/{light.DeviceId}/telemetry",
            $"smartcity/v1/{municipality}/watermeter/{light.DeviceId}/telemetry",
            "platform/v1/deadletter/ingestion",
        ];
        foreach (var topic in forbidden)
        {
            // A fresh connection per attempt: Mosquitto 2.0.11 with the shipped max_queued_messages 0 closes a
            // client's connection after refusing its QoS 1 publish (measured; the PUBACK 0x87 still comes first).
            var (attempt, attemptResult) = await broker.ConnectDeviceAsync(light, ct);
            await using (attempt)
            {
                Assert.Equal(MqttClientConnectResultCode.Success, attemptResult.ResultCode);
                var result = await attempt.PublishAsync(topic, "{\"forged\":true}", ct);
                Assert.True(result.ReasonCode == MqttClientPublishReasonCode.NotAuthorized, $"publish to {topic}: {result.ReasonCode}");
            }
        }

        var (device, deviceResult) = await broker.ConnectDeviceAsync(light, ct);
        await using var __ = device;
        Assert.Equal(MqttClientConnectResultCode.Success, deviceResult.ResultCode);
        var sentinel = light.Topic("telemetry");
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync(sentinel, "{\"own\":true}", ct)).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync(light.Topic("ack"), "{\"own\":true}", ct)).ReasonCode);

        var received = await ingestion.ReceiveUntilAsync(sentinel, ct);
        Assert.Equal([sentinel], received.Select(m => m.Topic));
    }

    public static async Task DeviceCannotSubscribeToAnotherDevicesCommandsAsync(
        SecuredBroker broker, string municipality, bool brokerRefusesInSuback, CancellationToken ct)
    {
        var light = await broker.RegisterAsync(municipality, "streetlight", "l-sub-1", ct);
        var other = await broker.RegisterAsync(municipality, "streetlight", "l-sub-2", ct);
        var (device, _) = await broker.ConnectDeviceAsync(light, ct);
        await using var _ = device;

        var ownCode = await device.SubscribeAsync(light.Topic("cmd"), ct);
        var otherCode = await device.SubscribeAsync(other.Topic("cmd"), ct);
        var wildcardCode = await device.SubscribeAsync("smartcity/v1/+/+/+/cmd", ct);
        var everythingCode = await device.SubscribeAsync("#", ct);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, ownCode);
        if (brokerRefusesInSuback)
        {
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, otherCode);
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, wildcardCode);
            Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, everythingCode);
        }

        // The gateway commands the other light first, then this one (the sentinel): only the own command may arrive.
        var (gateway, gatewayResult) = await broker.ConnectGatewayAccountAsync(ct);
        await using var __ = gateway;
        Assert.Equal(MqttClientConnectResultCode.Success, gatewayResult.ResultCode);
        await gateway.PublishAsync(other.Topic("cmd"), "{\"cmd\":\"for the other\"}", ct);
        await gateway.PublishAsync(light.Topic("cmd"), "{\"cmd\":\"own\"}", ct);

        var received = await device.ReceiveUntilAsync(light.Topic("cmd"), ct);
        Assert.All(received, m => Assert.Equal(light.Topic("cmd"), m.Topic));
        Assert.Equal("{\"cmd\":\"own\"}", received[^1].ConvertPayloadToString());
    }

    public static async Task OnlyTheGatewayAccountMayPublishCommandsAsync(SecuredBroker broker, string municipality, CancellationToken ct)
    {
        var light = await broker.RegisterAsync(municipality, "streetlight", "l-cmd-1", ct);
        var (device, _) = await broker.ConnectDeviceAsync(light, ct);
        await using var _ = device;
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync(light.Topic("cmd"), ct));

        var (ingestion, _) = await broker.ConnectIngestionAccountAsync(ct);
        await using (ingestion)
        {
            var forged = await ingestion.PublishAsync(light.Topic("cmd"), "{\"from\":\"ingestion\"}", ct);
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        }

        // A new connection: Mosquitto closes the one whose publish it refused (see above).
        var (ingestionAgain, _) = await broker.ConnectIngestionAccountAsync(ct);
        await using var __ = ingestionAgain;
        var deadLetter = await ingestionAgain.PublishAsync("platform/v1/deadletter/ingestion", "{}", ct);
        Assert.Contains(deadLetter.ReasonCode, new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });

        var (gateway, _) = await broker.ConnectGatewayAccountAsync(ct);
        await using var ___ = gateway;
        var sent = await gateway.PublishAsync(light.Topic("cmd"), "{\"from\":\"gateway\"}", ct);
        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);

        var received = await device.ReceiveUntilAsync(light.Topic("cmd"), ct);
        Assert.Equal("{\"from\":\"gateway\"}", Assert.Single(received).ConvertPayloadToString());
    }

    /// <summary>
    /// A last will is a publish too: a device that vanishes must not leave a forged status on another device's topic.
    /// The broker may refuse the connect (Mosquitto checks the will against the ACL then) or drop the will when it
    /// would be sent (the embedded broker's interceptor); either way the subscriber never sees it.
    /// </summary>
    public static async Task DeviceCannotLeaveALastWillOnAnotherDevicesTopicAsync(SecuredBroker broker, string municipality, CancellationToken ct)
    {
        var light = await broker.RegisterAsync(municipality, "streetlight", "l-will-1", ct);
        var other = await broker.RegisterAsync(municipality, "streetlight", "l-will-2", ct);
        var (ingestion, _) = await broker.ConnectIngestionAccountAsync(ct);
        await using var _ = ingestion;
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await ingestion.SubscribeAsync($"smartcity/v1/{municipality}/#", ct));

        var (forger, result) = await MqttSession.ConnectAsync(broker.Port, light.DeviceId, light.Username, light.Secret, ct, willTopic: other.Topic("status"));
        if (result.ResultCode == MqttClientConnectResultCode.Success)
        {
            // Vanish without DISCONNECT, so the broker sends the will.
            forger.Client.Dispose();
        }
        else
        {
            await forger.DisposeAsync();
        }

        // The other device's own status after the forger is gone is the sentinel: the will, if sent, came before it.
        var (otherSession, otherResult) = await broker.ConnectDeviceAsync(other, ct);
        await using var __ = otherSession;
        Assert.Equal(MqttClientConnectResultCode.Success, otherResult.ResultCode);
        await Eventually.UntilAsync(async c => await IsGoneAsync(broker, light, c), TimeSpan.FromSeconds(15), "the forger's connection to be gone", ct);
        await otherSession.PublishAsync(other.Topic("status"), "{\"state\":\"online\"}", ct);

        var received = await ingestion.ReceiveUntilAsync(other.Topic("status"), ct);
        Assert.Equal("{\"state\":\"online\"}", Assert.Single(received).ConvertPayloadToString());
    }

    /// <summary>The device's client id can connect again without taking over a live session (its old connection is gone).</summary>
    private static async Task<bool> IsGoneAsync(SecuredBroker broker, RegisteredTestDevice device, CancellationToken ct)
    {
        var (probe, result) = await broker.ConnectDeviceAsync(device, ct);
        var present = result.IsSessionPresent;
        await probe.DisposeAsync();
        return result.ResultCode == MqttClientConnectResultCode.Success && !present;
    }
}
