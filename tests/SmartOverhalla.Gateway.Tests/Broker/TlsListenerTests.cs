using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using SmartOverhalla.Gateway.Devices.Mosquitto;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// TLS on the device listener of both brokers, with a self-signed certificate made in the test: a device that trusts
/// it connects (through SmartOverhalla.Mqtt's Tls options, as simulators and services do); plain MQTT on the TLS port
/// and a client that does not trust the certificate fail.
/// </summary>
public sealed class TlsListenerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("so-tls-").FullName;
    private SelfSignedCertificate _certificate = null!;

    public ValueTask InitializeAsync()
    {
        _certificate = SelfSignedCertificate.Create(_dir);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_embedded_broker_accepts_a_device_over_TLS_and_refuses_plain_MQTT_on_its_TLS_port()
    {
        var ct = TestContext.Current.CancellationToken;
        var tlsPort = FreeTcpPort.Next();
        var settings = SecuredBroker.Settings();
        settings["Broker:Mode"] = "Embedded";
        settings["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Broker:Embedded:Tls:Enabled"] = "true";
        settings["Broker:Embedded:Tls:Port"] = tlsPort.ToString(CultureInfo.InvariantCulture);
        settings["Broker:Embedded:Tls:CertificatePath"] = _certificate.CertificateFile;
        settings["Broker:Embedded:Tls:KeyPath"] = _certificate.KeyFile;
        settings["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString();
        await using var gateway = new GatewayFactory(settings).Start();
        var device = await new SecuredBroker(gateway, tlsPort).RegisterAsync(TestNames.Municipality(), "streetlight", "l-tls", ct);

        await AssertTlsListenerAsync(tlsPort, device.DeviceId, device.Username, device.Secret, ct);
        gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Mosquitto_with_the_shipped_TLS_config_accepts_a_device_over_TLS_and_refuses_plain_MQTT_on_its_TLS_port()
    {
        var ct = TestContext.Current.CancellationToken;
        var passwordFile = Path.Combine(_dir, "passwd");
        var aclFile = Path.Combine(_dir, "acl");
        const string username = "overhalla/watermeter/m-tls";
        const string secret = "a-device-secret-for-the-tls-test-only";
        await File.WriteAllTextAsync(passwordFile, MosquittoPasswordFile.Render([(username, SmartOverhalla.Gateway.Devices.SecretHash.Create(secret, 101))]), ct);
        await File.WriteAllTextAsync(aclFile, MosquittoAclFile.Render("gw", "ing", "ns"), ct);
        await using var mosquitto = await MosquittoServer.StartSecuredAsync(new MosquittoSecurity(passwordFile, aclFile, _certificate.CertificateFile, _certificate.KeyFile), ct);

        await AssertTlsListenerAsync(mosquitto.TlsPort!.Value, "m-tls", username, secret, ct);
    }

    private async Task AssertTlsListenerAsync(int tlsPort, string clientId, string username, string secret, CancellationToken ct)
    {
        // Given a device that trusts the broker's self-signed certificate, when it connects over TLS, it is in.
        using (var trusting = new MqttClientFactory().CreateMqttClient())
        {
            var result = await trusting.ConnectAsync(Options(tlsPort, clientId, username, secret, _certificate.CertificateFile), ct);
            Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
            await trusting.DisconnectAsync(new MqttClientDisconnectOptions(), ct);
        }

        // A client checking against the system's roots refuses the self-signed certificate: the check is real.
        using (var untrusting = new MqttClientFactory().CreateMqttClient())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => untrusting.ConnectAsync(Options(tlsPort, clientId, username, secret, caFile: null), ct));
            Assert.False(untrusting.IsConnected);
        }

        // Plain MQTT on the TLS port gets no CONNACK.
        using var plain = new MqttClientFactory().CreateMqttClient();
        var plainOptions = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tlsPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCredentials(username, secret)
            .WithTimeout(TimeSpan.FromSeconds(3))
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => plain.ConnectAsync(plainOptions, ct));
        Assert.False(plain.IsConnected);
    }

    private static MqttClientOptions Options(int port, string clientId, string username, string secret, string? caFile) =>
        new MqttClientOptionsBuilder()
            .WithConnection(new MqttConnectionOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Username = username,
                Password = secret,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                Tls = new MqttTlsOptions { Enabled = true, CaCertificatePath = caFile },
            })
            .WithClientId(clientId)
            .Build();
}
