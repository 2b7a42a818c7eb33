using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// A broker with authentication and ACLs on (the embedded one, or Mosquitto provisioned by the gateway) and the
/// gateway whose registry feeds it, for the ACL scenarios that must hold on both.
/// </summary>
/// <param name="provisionedAsynchronously">
/// True for Mosquitto: a registration reaches it through a file write and SIGHUP, so <see cref="RegisterAsync"/>
/// waits until the new device can log in.
/// </param>
internal sealed class SecuredBroker(GatewayFactory gateway, int port, bool provisionedAsynchronously = false)
{
    public const string GatewayUser = "smartoverhalla-gateway";
    public const string GatewayPassword = "gateway-test-password-not-for-production";
    public const string IngestionUser = "smartoverhalla-ingestion";
    public const string IngestionPassword = "ingestion-test-password-not-for-production";
    public const string NetworkServerUser = "network-server";
    public const string NetworkServerPassword = "network-server-test-password-not-for-production";

    public GatewayFactory Gateway { get; } = gateway;

    public int Port { get; } = port;

    /// <summary>Settings every secured test gateway shares: no anonymous clients, known service passwords.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Broker:Embedded:AllowAnonymous"] = "false",
        ["Broker:Accounts:Gateway:Password"] = GatewayPassword,
        ["Broker:Accounts:Ingestion:Password"] = IngestionPassword,
        ["Broker:Accounts:NetworkServer:Password"] = NetworkServerPassword,
    };

    /// <summary>Registers a device through <c>POST /api/v1/devices</c> and returns it with its one-time secret.</summary>
    public async Task<RegisteredTestDevice> RegisterAsync(string municipality, string kind, string deviceId, CancellationToken ct)
    {
        using var http = Gateway.CreateClientWithKey(TestApiKeys.Admin);
        using var response = await http.PostAsJsonAsync("/api/v1/devices", new { kind, deviceId, municipality }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = body.RootElement;
        var device = new RegisteredTestDevice(municipality, kind, deviceId, root.GetProperty("username").GetString()!, root.GetProperty("secret").GetString()!);
        if (provisionedAsynchronously)
        {
            await Eventually.UntilAsync(async c => await CanConnectAsync(device, c), TimeSpan.FromSeconds(20), $"the broker to accept newly registered {device.Username}", ct);
        }

        return device;
    }

    public async Task<bool> CanConnectAsync(RegisteredTestDevice device, CancellationToken ct)
    {
        var (session, result) = await ConnectDeviceAsync(device, ct);
        await session.DisposeAsync();
        return result.ResultCode == MQTTnet.MqttClientConnectResultCode.Success;
    }

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectDeviceAsync(RegisteredTestDevice device, CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, device.DeviceId, device.Username, device.Secret, ct);

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectGatewayAccountAsync(CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, GatewayUser + "-" + Guid.NewGuid().ToString("N")[..8], GatewayUser, GatewayPassword, ct);

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectNetworkServerAccountAsync(CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, NetworkServerUser + "-" + Guid.NewGuid().ToString("N")[..8], NetworkServerUser, NetworkServerPassword, ct);

    /// <summary>Registers a LoRaWAN device (with a DevEUI) and returns the response body: it has no secret to return.</summary>
    public async Task<JsonElement> RegisterLoRaWanAsync(string municipality, string kind, string deviceId, string devEui, CancellationToken ct)
    {
        using var http = Gateway.CreateClientWithKey(TestApiKeys.Admin);
        using var response = await http.PostAsJsonAsync("/api/v1/devices", new { kind, deviceId, municipality, devEui }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.Clone();
    }

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectIngestionAccountAsync(CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, IngestionUser + "-" + Guid.NewGuid().ToString("N")[..8], IngestionUser, IngestionPassword, ct);
}
