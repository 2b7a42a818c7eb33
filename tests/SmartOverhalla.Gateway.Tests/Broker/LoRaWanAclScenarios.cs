using System.Security.Cryptography;
using MQTTnet;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// Issue 12's broker rights, run through both brokers (embedded and Mosquitto): a LoRaWAN device never logs in
/// itself; the network server's account publishes the network server's uplinks, a device may not. What must not arrive
/// is shown with a sentinel published after it (both brokers keep per-client order).
/// </summary>
internal static class LoRaWanAclScenarios
{
    /// <summary>A DevEUI of this test run (so repeated runs against one registry never collide).</summary>
    public static string NewDevEui() => "70B3D5" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));

    public static async Task LoRaWanDeviceCannotLogInAsync(SecuredBroker broker, string municipality, CancellationToken ct)
    {
        var devEui = NewDevEui();
        var body = await broker.RegisterLoRaWanAsync(municipality, "watermeter", "wm-lora-login", devEui, ct);
        Assert.False(body.GetProperty("mqttLogin").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("secret").ValueKind);
        var username = $"{municipality}/watermeter/wm-lora-login";

        foreach (var password in new[] { "anything", string.Empty, devEui })
        {
            var (attempt, result) = await MqttSession.ConnectAsync(broker.Port, "wm-lora-login", username, password, ct);
            await using (attempt)
            {
                Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
                Assert.False(attempt.Client.IsConnected);
            }
        }
    }

    public static async Task NetworkServerMayPublishUplinksAndADeviceMayNotAsync(SecuredBroker broker, string municipality, CancellationToken ct)
    {
        var light = await broker.RegisterAsync(municipality, "streetlight", "l-lora-forger", ct);
        var application = municipality + "-" + Guid.NewGuid().ToString("N")[..6];
        var forged = $"application/{application}/device/{NewDevEui().ToLowerInvariant()}/event/up";
        var uplink = $"application/{application}/device/{NewDevEui().ToLowerInvariant()}/event/up";

        var (ingestion, ingestionResult) = await broker.ConnectIngestionAccountAsync(ct);
        await using var _ = ingestion;
        Assert.Equal(MqttClientConnectResultCode.Success, ingestionResult.ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await ingestion.SubscribeAsync($"application/{application}/device/+/event/up", ct));

        var (device, deviceResult) = await broker.ConnectDeviceAsync(light, ct);
        await using (device)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, deviceResult.ResultCode);
            var refused = await device.PublishAsync(forged, "{\"forged\":true}", ct);
            Assert.True(refused.ReasonCode == MqttClientPublishReasonCode.NotAuthorized, $"device publish to {forged}: {refused.ReasonCode}");
        }

        var (networkServer, networkServerResult) = await broker.ConnectNetworkServerAccountAsync(ct);
        await using var __ = networkServer;
        Assert.Equal(MqttClientConnectResultCode.Success, networkServerResult.ResultCode);
        var published = await networkServer.PublishAsync(uplink, "{\"fCnt\":1}", ct);
        Assert.Contains(published.ReasonCode, new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });

        var received = await ingestion.ReceiveUntilAsync(uplink, ct);
        Assert.Equal([uplink], received.Select(m => m.Topic));
        Assert.Equal("{\"fCnt\":1}", received[0].ConvertPayloadToString());
    }
}
