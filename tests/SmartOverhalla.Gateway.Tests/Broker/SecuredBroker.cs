using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// A broker with authentication and ACLs on (the embedded one, or Mosquitto provisioned by the gateway) and the
/// gateway whose registry feeds it, for the ACL scenarios that must hold on both.
/// </summary>
internal sealed class SecuredBroker(GatewayFactory gateway, int port)
{
    public const string GatewayUser = "smartoverhalla-gateway";
    public const string GatewayPassword = "gateway-test-password-not-for-production";
    public const string IngestionUser = "smartoverhalla-ingestion";
    public const string IngestionPassword = "ingestion-test-password-not-for-production";

    public GatewayFactory Gateway { get; } = gateway;

    public int Port { get; } = port;

    /// <summary>Settings every secured test gateway shares: no anonymous clients, known service passwords.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Broker:Embedded:AllowAnonymous"] = "false",
        ["Broker:Accounts:Gateway:Password"] = GatewayPassword,
        ["Broker:Accounts:Ingestion:Password"] = IngestionPassword,
    };

    /// <summary>Registers a device through <c>POST /api/v1/devices</c> and returns it with its one-time secret.</summary>
    public async Task<RegisteredTestDevice> RegisterAsync(string municipality, string kind, string deviceId, CancellationToken ct)
    {
        using var http = Gateway.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/v1/devices", new { kind, deviceId, municipality }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = body.RootElement;
        return new RegisteredTestDevice(municipality, kind, deviceId, root.GetProperty("username").GetString()!, root.GetProperty("secret").GetString()!);
    }

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectDeviceAsync(RegisteredTestDevice device, CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, device.DeviceId, device.Username, device.Secret, ct);

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectGatewayAccountAsync(CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, "gw-" + Guid.NewGuid().ToString("N")[..8], GatewayUser, GatewayPassword, ct);

    public Task<(MqttSession Session, MQTTnet.MqttClientConnectResult Result)> ConnectIngestionAccountAsync(CancellationToken ct) =>
        MqttSession.ConnectAsync(Port, "ing-" + Guid.NewGuid().ToString("N")[..8], IngestionUser, IngestionPassword, ct);
}
