using System.Net.Http.Json;
using MQTTnet;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>Issue 5's device security through the embedded MQTTnet broker (connection validator and interceptors).</summary>
public sealed class EmbeddedBrokerSecurityTests(SecuredEmbeddedBrokerFixture fixture) : IClassFixture<SecuredEmbeddedBrokerFixture>
{
    private const string BrokerCategory = "SmartOverhalla.Gateway.Broker.EmbeddedBroker";

    [Fact]
    public async Task Anonymous_clients_and_wrong_passwords_are_refused_and_the_own_secret_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var metrics = (BrokerMetrics)fixture.Broker.Gateway.Services.GetService(typeof(BrokerMetrics))!;
        var refusedBefore = metrics.ConnectionsRefusedTotal;

        await DeviceAclScenarios.AnonymousAndWrongPasswordAreRefusedAsync(fixture.Broker, TestNames.Municipality(), ct);

        Assert.True(metrics.ConnectionsRefusedTotal - refusedBefore >= 3, $"refusals counted: {metrics.ConnectionsRefusedTotal - refusedBefore}");
        fixture.Broker.Gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_device_cannot_publish_to_another_devices_topics_or_to_any_cmd_topic()
    {
        var ct = TestContext.Current.CancellationToken;
        var metrics = (BrokerMetrics)fixture.Broker.Gateway.Services.GetService(typeof(BrokerMetrics))!;
        var refusedBefore = metrics.PublishesRefusedTotal;

        await DeviceAclScenarios.DeviceCannotPublishToAnotherDeviceOrToCommandsAsync(fixture.Broker, TestNames.Municipality(), ct);

        Assert.True(metrics.PublishesRefusedTotal - refusedBefore >= 7, $"publish refusals counted: {metrics.PublishesRefusedTotal - refusedBefore}");
        fixture.Broker.Gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_device_cannot_subscribe_to_another_devices_commands()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.DeviceCannotSubscribeToAnotherDevicesCommandsAsync(fixture.Broker, TestNames.Municipality(), brokerRefusesInSuback: true, ct);
        fixture.Broker.Gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_device_cannot_leave_a_last_will_on_another_devices_topic()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.DeviceCannotLeaveALastWillOnAnotherDevicesTopicAsync(fixture.Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task A_LoRaWAN_device_cannot_log_in_with_any_password()
    {
        var ct = TestContext.Current.CancellationToken;
        await LoRaWanAclScenarios.LoRaWanDeviceCannotLogInAsync(fixture.Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task The_network_server_account_may_publish_a_ChirpStack_uplink_and_a_device_may_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await LoRaWanAclScenarios.NetworkServerMayPublishUplinksAndADeviceMayNotAsync(fixture.Broker, TestNames.Municipality(), ct);
    }

    [Fact]
    public async Task Only_the_gateway_account_may_publish_commands()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceAclScenarios.OnlyTheGatewayAccountMayPublishCommandsAsync(fixture.Broker, TestNames.Municipality(), ct);
        fixture.Broker.Gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_device_with_another_devices_client_id_is_refused_so_it_cannot_take_over_that_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var victim = await fixture.Broker.RegisterAsync(municipality, "streetlight", "l-victim", ct);
        var attacker = await fixture.Broker.RegisterAsync(municipality, "streetlight", "l-attacker", ct);
        var (session, _) = await fixture.Broker.ConnectDeviceAsync(victim, ct);
        await using var _ = session;

        var (hijack, result) = await MqttSession.ConnectAsync(fixture.Broker.Port, victim.DeviceId, attacker.Username, attacker.Secret, ct);
        await using var __ = hijack;

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
        Assert.True(session.Client.IsConnected);
    }

    [Fact]
    public async Task A_device_or_service_account_with_an_empty_client_id_is_refused_and_assigned_none_as_its_client_id_is_its_identity()
    {
        // Only anonymous Development clients are assigned a client id (MQTT 5.0 §3.1.3.1, see the conformance tests).
        var ct = TestContext.Current.CancellationToken;
        var device = await fixture.Broker.RegisterAsync(TestNames.Municipality(), "streetlight", "l-no-client-id", ct);

        var (deviceSession, deviceResult) = await MqttSession.ConnectAsync(fixture.Broker.Port, string.Empty, device.Username, device.Secret, ct);
        await using var _ = deviceSession;
        var (accountSession, accountResult) = await MqttSession.ConnectAsync(fixture.Broker.Port, string.Empty, SecuredBroker.IngestionUser, SecuredBroker.IngestionPassword, ct);
        await using var __ = accountSession;

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, deviceResult.ResultCode);
        Assert.True(string.IsNullOrEmpty(deviceResult.AssignedClientIdentifier));
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, accountResult.ResultCode);
    }

    [Fact]
    public async Task Rotating_a_secret_refuses_the_old_one_and_closes_the_devices_connection_and_deleting_refuses_the_device()
    {
        var ct = TestContext.Current.CancellationToken;
        var device = await fixture.Broker.RegisterAsync(TestNames.Municipality(), "watermeter", "m-rotate", ct);
        var (session, first) = await fixture.Broker.ConnectDeviceAsync(device, ct);
        await using var _ = session;
        Assert.Equal(MqttClientConnectResultCode.Success, first.ResultCode);

        using var http = fixture.Broker.Gateway.CreateClientWithKey(TestApiKeys.Admin);
        using var rotated = await http.PostAsync($"/api/v1/devices/watermeter/{device.DeviceId}/secret", null, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, rotated.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await rotated.Content.ReadAsStringAsync(ct));
        var newSecret = body.RootElement.GetProperty("secret").GetString()!;
        Assert.NotEqual(device.Secret, newSecret);

        await Eventually.UntilAsync(() => !session.Client.IsConnected, TimeSpan.FromSeconds(10), "the broker to close the rotated device's connection", ct);
        var (old, oldResult) = await fixture.Broker.ConnectDeviceAsync(device, ct);
        await using (old)
        {
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, oldResult.ResultCode);
        }

        var renewed = device with { Secret = newSecret };
        var (fresh, freshResult) = await fixture.Broker.ConnectDeviceAsync(renewed, ct);
        await using (fresh)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, freshResult.ResultCode);
            using var deleted = await http.DeleteAsync($"/api/v1/devices/watermeter/{device.DeviceId}", ct);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
            await Eventually.UntilAsync(() => !fresh.Client.IsConnected, TimeSpan.FromSeconds(10), "the broker to close the deleted device's connection", ct);
        }

        var (gone, goneResult) = await fixture.Broker.ConnectDeviceAsync(renewed, ct);
        await using (gone)
        {
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, goneResult.ResultCode);
        }
    }

    [Fact]
    public async Task A_service_account_may_use_only_client_ids_it_owns_and_a_device_none_of_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = fixture.Broker.Port;
        var device = await fixture.Broker.RegisterAsync(TestNames.Municipality(), "streetlight", "l-owned", ct);
        var squatter = await fixture.Broker.RegisterAsync(TestNames.Municipality(), "streetlight", "smartoverhalla-ingestion-2", ct);

        // The ingestion account as the gateway's control connection, or as a device: refused
        foreach (var clientId in new[] { "smartoverhalla-gateway", "smartoverhalla-ingestionx", device.DeviceId })
        {
            var (session, result) = await MqttSession.ConnectAsync(port, clientId, SecuredBroker.IngestionUser, SecuredBroker.IngestionPassword, ct, cleanStart: false);
            await using (session)
            {
                Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
            }
        }

        // Its own ids are fine: its user name, or the user name and '-'
        foreach (var clientId in new[] { "smartoverhalla-ingestion", "smartoverhalla-ingestion-7" })
        {
            var (session, result) = await MqttSession.ConnectAsync(port, clientId, SecuredBroker.IngestionUser, SecuredBroker.IngestionPassword, ct);
            await using (session)
            {
                Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
            }
        }

        // A device registered with an id a service account owns cannot connect with it
        var (squat, squatResult) = await fixture.Broker.ConnectDeviceAsync(squatter, ct);
        await using (squat)
        {
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, squatResult.ResultCode);
        }
    }

    [Fact]
    public async Task A_device_id_is_unique_across_kinds_since_it_is_the_devices_client_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await fixture.Broker.RegisterAsync(TestNames.Municipality(), "watermeter", "shared-7", ct);
        using var http = fixture.Broker.Gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var second = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "streetlight", deviceId = "shared-7", municipality = TestNames.Municipality() }, ct);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("registered as a watermeter", await second.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resumed_session_takes_the_rights_of_the_client_that_resumes_it_not_of_the_one_before()
    {
        // Anonymous clients (Development only) have every right: the sharpest case of a session changing hands.
        var ct = TestContext.Current.CancellationToken;
        var port = FreeTcpPort.Next();
        var settings = SecuredBroker.Settings();
        settings["Broker:Mode"] = "Embedded";
        settings["Broker:Embedded:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Broker:Embedded:AllowAnonymous"] = "true";
        settings["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString();
        await using var gateway = new GatewayFactory(settings).Start();
        var broker = new SecuredBroker(gateway, port);
        var municipality = TestNames.Municipality();
        var device = await broker.RegisterAsync(municipality, "streetlight", "l-resume", ct);
        var (anonymous, anonymousResult) = await MqttSession.ConnectAsync(port, device.DeviceId, null, null, ct, cleanStart: false);
        Assert.Equal(MqttClientConnectResultCode.Success, anonymousResult.ResultCode);
        await anonymous.Client.DisconnectAsync(cancellationToken: ct);
        await anonymous.DisposeAsync();

        // When the device resumes that session with its own credentials
        var (session, result) = await MqttSession.ConnectAsync(port, device.DeviceId, device.Username, device.Secret, ct, cleanStart: false);
        await using var _ = session;
        Assert.True(result.IsSessionPresent, "the device resumed the anonymous client's session");

        // Then it has a device's rights, not the anonymous client's
        var foreign = await session.PublishAsync(new SmartOverhalla.Contracts.Topics.DeviceTopic(municipality, SmartOverhalla.Contracts.Topics.DeviceKind.Streetlight, "l-other", SmartOverhalla.Contracts.Topics.MessageType.Telemetry).ToString(), "{}", ct);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);
        var own = await session.PublishAsync(new SmartOverhalla.Contracts.Topics.DeviceTopic(municipality, SmartOverhalla.Contracts.Topics.DeviceKind.Streetlight, device.DeviceId, SmartOverhalla.Contracts.Topics.MessageType.Telemetry).ToString(), "{}", ct);
        Assert.NotEqual(MqttClientPublishReasonCode.NotAuthorized, own.ReasonCode);
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(0, 600)]
    public async Task A_publish_with_a_topic_alias_or_an_overlong_topic_is_refused_and_the_client_disconnected(int alias, int topicLength)
    {
        var ct = TestContext.Current.CancellationToken;
        var metrics = (BrokerMetrics)fixture.Broker.Gateway.Services.GetService(typeof(BrokerMetrics))!;
        var municipality = TestNames.Municipality();
        var device = await fixture.Broker.RegisterAsync(municipality, "streetlight", "l-alias-" + alias + "-" + topicLength, ct);
        var (session, result) = await fixture.Broker.ConnectDeviceAsync(device, ct);
        await using var _ = session;
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        var refusedBefore = metrics.PublishesRefusedTotal;
        var own = new SmartOverhalla.Contracts.Topics.DeviceTopic(municipality, SmartOverhalla.Contracts.Topics.DeviceKind.Streetlight, device.DeviceId, SmartOverhalla.Contracts.Topics.MessageType.Telemetry).ToString();
        var topic = topicLength == 0 ? own : own + "/" + new string('x', topicLength - own.Length - 1);
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload("{}").WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtMostOnce);
        if (alias != 0)
        {
            builder = builder.WithTopicAlias((ushort)alias);
        }

        try
        {
            await session.Client.PublishAsync(builder.Build(), ct);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker may close the connection while the client is still sending.
        }

        await Eventually.UntilAsync(() => !session.Client.IsConnected, TimeSpan.FromSeconds(10), "the broker to disconnect the client", ct);
        Assert.True(metrics.PublishesRefusedTotal > refusedBefore);
    }
}
