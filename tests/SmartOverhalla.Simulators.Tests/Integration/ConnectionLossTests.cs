using Microsoft.Extensions.Logging;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>Devices whose connection dies: the broker's last will, and the device's own reconnect loop.</summary>
public sealed class ConnectionLossTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_device_whose_connection_dies_is_marked_offline_by_its_last_will_and_comes_back_online_by_itself()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);

        // Given a street light connected through a relay, online and reporting
        var municipality = TestNames.Municipality();
        await using var relay = TcpRelay.Start(mosquitto.Server.Port);
        await using var statuses = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, deadline.Token, "status");
        using var simulator = SimulatorHost.Create(relay.Port, municipality, options =>
        {
            options.Streetlights = 1;
            options.StreetlightInterval = TimeSpan.FromMilliseconds(200);
        });
        await simulator.Host.StartAsync(deadline.Token);
        await Eventually.UntilAsync(() => simulator.Observer.Of(MessageType.Telemetry).Count >= 2, Deadline, "the light to report", deadline.Token);

        // When its TCP connection is reset on both sides, without an MQTT DISCONNECT
        relay.CutAll();

        // Then the broker publishes its last will: a retained offline status the device never sent itself
        await Eventually.UntilAsync(() => Received(statuses, DeviceState.Offline).Count >= 1, Deadline, "the last will", deadline.Token);
        var will = statuses.Messages.First(m => FleetPublishingTests.ReadStatus(m).State == DeviceState.Offline);
        Assert.True(will.Retain);
        Assert.Equal($"smartcity/v1/{municipality}/streetlight/{municipality}-light-0001/status", will.Topic);
        Assert.Equal($"{municipality}-light-0001", FleetPublishingTests.ReadStatus(will).DeviceId);
        Assert.Empty(simulator.Observer.Statuses(DeviceState.Offline));

        // And the device reconnects by itself, announces online again and goes on reporting
        var reportsBefore = simulator.Observer.Of(MessageType.Telemetry).Count;
        await Eventually.UntilAsync(() => Received(statuses, DeviceState.Online).Count >= 2, Deadline, "online again", deadline.Token);
        await Eventually.UntilAsync(() => simulator.Observer.Of(MessageType.Telemetry).Count >= reportsBefore + 2, Deadline, "reports after reconnecting", deadline.Token);
        Assert.True(relay.AcceptedCount >= 2);

        await simulator.Host.StopAsync(deadline.Token);
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task Devices_keep_trying_while_the_broker_is_unreachable_and_resume_when_it_is_back()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);

        // Given two meters and a plough reporting through a relay
        var municipality = TestNames.Municipality();
        await using var relay = TcpRelay.Start(mosquitto.Server.Port);
        using var simulator = SimulatorHost.Create(relay.Port, municipality, options =>
        {
            (options.Watermeters, options.Ploughs) = (2, 1);
            options.WatermeterInterval = options.PloughInterval = TimeSpan.FromMilliseconds(200);
        });
        await simulator.Host.StartAsync(deadline.Token);
        await Eventually.UntilAsync(() => simulator.Observer.Statuses(DeviceState.Online).Count == 3, Deadline, "three devices online", deadline.Token);

        // When the broker becomes unreachable
        relay.Refusing = true;
        relay.CutAll();

        // Then every device keeps trying, several times each, without logging errors
        await Eventually.UntilAsync(() => relay.RefusedCount >= 9, Deadline, "repeated reconnect attempts", deadline.Token);
        var reportsDuringOutage = simulator.Observer.Of(MessageType.Telemetry).Count;

        // When the broker is reachable again
        relay.Refusing = false;

        // Then all three come back online and report again
        await Eventually.UntilAsync(() => simulator.Observer.Statuses(DeviceState.Online).Count == 6, Deadline, "three devices online again", deadline.Token);
        await Eventually.UntilAsync(
            () => simulator.Observer.Of(MessageType.Telemetry).Skip(reportsDuringOutage).Select(m => m.DeviceId).Distinct().Count() == 3,
            Deadline,
            "reports from all three after the outage",
            deadline.Token);

        await simulator.Host.StopAsync(deadline.Token);
        Assert.Empty(simulator.Errors);
        Assert.DoesNotContain(simulator.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    private static List<DeviceStatus> Received(MqttRecorder recorder, DeviceState state) =>
        [.. recorder.Messages.Where(m => m.Is(MessageType.Status)).Select(FleetPublishingTests.ReadStatus).Where(s => s.State == state)];
}
