using System.Globalization;
using MQTTnet;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// Issue 5's device security through real Mosquitto 2, configured by the project's shipped security config and the
/// password and ACL files the gateway writes from its registry (reloaded by SIGHUP through the broker's pid file).
/// </summary>
public sealed class MosquittoSecurityTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("so-mosquitto-auth-").FullName;
    private MosquittoServer? _mosquitto;
    private GatewayFactory? _gateway;
    private SecuredBroker? _broker;

    private SecuredBroker Broker => _broker ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var passwordFile = Path.Combine(_dir, "passwd");
        var aclFile = Path.Combine(_dir, "acl");

        // Empty files: Mosquitto starts admitting nobody; the gateway fills them at its start and sends SIGHUP.
        await File.WriteAllTextAsync(passwordFile, string.Empty, ct);
        await File.WriteAllTextAsync(aclFile, string.Empty, ct);
        _mosquitto = await MosquittoServer.StartSecuredAsync(new MosquittoSecurity(passwordFile, aclFile), ct);

        var settings = SecuredBroker.Settings();
        settings["Broker:Mode"] = "External";
        settings["Broker:External:Host"] = _mosquitto.Host;
        settings["Broker:External:Port"] = _mosquitto.Port.ToString(CultureInfo.InvariantCulture);
        settings["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString();
        settings["Devices:Mosquitto:PasswordFile"] = passwordFile;
        settings["Devices:Mosquitto:AclFile"] = aclFile;
        settings["Devices:Mosquitto:PidFile"] = _mosquitto.PidFile;
        _gateway = new GatewayFactory(settings).Start();
        _broker = new SecuredBroker(_gateway, _mosquitto.Port, provisionedAsynchronously: true);

        // The gateway's first write and SIGHUP let its own account in.
        await Eventually.UntilAsync(
            async c =>
            {
                var (session, result) = await _broker.ConnectGatewayAccountAsync(c);
                await session.DisposeAsync();
                return result.ResultCode == MqttClientConnectResultCode.Success;
            },
            TimeSpan.FromSeconds(20),
            "Mosquitto to accept the gateway account after the gateway provisioned it",
            ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Anonymous_clients_and_wrong_passwords_are_refused_and_the_own_secret_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.AnonymousAndWrongPasswordAreRefusedAsync(Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task A_device_cannot_publish_to_another_devices_topics_or_to_any_cmd_topic()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.DeviceCannotPublishToAnotherDeviceOrToCommandsAsync(Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task A_device_cannot_subscribe_to_another_devices_commands()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();

        // Mosquitto 2.0 grants the SUBSCRIBE and filters on delivery by the read ACL: the device receives nothing of another's.
        await DeviceAclScenarios.DeviceCannotSubscribeToAnotherDevicesCommandsAsync(Broker, municipality, brokerRefusesInSuback: false, ct);
    }

    [Fact]
    public async Task A_device_cannot_leave_a_last_will_on_another_devices_topic()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.DeviceCannotLeaveALastWillOnAnotherDevicesTopicAsync(Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task A_LoRaWAN_device_gets_no_password_line_and_cannot_log_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        await LoRaWanAclScenarios.LoRaWanDeviceCannotLogInAsync(Broker, municipality, ct);

        // A device registered after it can log in once the gateway rewrote the files: they were written after the LoRaWAN one, too.
        await Broker.RegisterAsync(municipality, "plough", "p-after-lora", ct);
        var passwords = await File.ReadAllTextAsync(Path.Combine(_dir, "passwd"), ct);
        Assert.Contains($"{municipality}/plough/p-after-lora:", passwords, StringComparison.Ordinal);
        Assert.DoesNotContain($"{municipality}/watermeter/wm-lora-login", passwords, StringComparison.Ordinal);
        Assert.Contains("network-server:$7$", passwords, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_network_server_account_may_publish_a_ChirpStack_uplink_and_a_device_may_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await LoRaWanAclScenarios.NetworkServerMayPublishUplinksAndADeviceMayNotAsync(Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task Only_the_gateway_account_may_publish_commands()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.OnlyTheGatewayAccountMayPublishCommandsAsync(Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task A_deleted_device_is_refused_and_disconnected_after_the_gateway_rewrote_the_files_and_signalled_Mosquitto_while_others_stay()
    {
        var ct = TestContext.Current.CancellationToken;
        var device = await Broker.RegisterAsync(TestNames.Municipality(), "plough", "p-delete", ct);
        var (live, _) = await Broker.ConnectDeviceAsync(device, ct);
        await using var _ = live;
        var bystander = await Broker.RegisterAsync(device.Municipality, "plough", "p-stays", ct);
        var (staying, _) = await Broker.ConnectDeviceAsync(bystander, ct);
        await using var __ = staying;

        using var http = Broker.Gateway.CreateClientWithKey(TestApiKeys.Admin);
        using var deleted = await http.DeleteAsync($"/api/v1/devices/plough/{device.DeviceId}", ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);

        await Eventually.UntilAsync(async c => !await Broker.CanConnectAsync(device, c), TimeSpan.FromSeconds(20), "Mosquitto to refuse the deleted plough", ct);
        Assert.DoesNotContain(device.Username, await File.ReadAllTextAsync(Path.Combine(_dir, "passwd"), ct), StringComparison.Ordinal);
        // Mosquitto's reload also closes the deleted device's live connection, and only that one.
        await Eventually.UntilAsync(() => !live.Client.IsConnected, TimeSpan.FromSeconds(10), "Mosquitto to close the deleted plough's connection", ct);
        Assert.True(staying.Client.IsConnected);
        var stillPublishing = await staying.PublishAsync(bystander.Topic("telemetry"), "{}", ct);
        Assert.Contains(stillPublishing.ReasonCode, new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });
    }
}
