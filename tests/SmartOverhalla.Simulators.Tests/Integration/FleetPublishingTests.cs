using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>The simulator against a real Mosquitto: what devices publish, and how they come and go.</summary>
public sealed class FleetPublishingTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_lights_two_meters_and_a_plough_with_three_messages_each_publish_exactly_eighteen_telemetry_messages_and_then_stop()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);

        // Given a subscriber on a fresh municipality and a fleet limited to three messages per device
        var municipality = TestNames.Municipality();
        await using var recorder = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, deadline.Token);
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, options =>
        {
            (options.Streetlights, options.Watermeters, options.Ploughs) = (3, 2, 1);
            options.MessagesPerDevice = 3;
            options.WatermeterInterval = options.StreetlightInterval = options.PloughInterval = TimeSpan.FromMilliseconds(100);
        });
        using var published = new MetricCollector<long>(
            simulator.Host.Services.GetRequiredService<IMeterFactory>(), SimulatorMetrics.MeterName, "smartoverhalla.simulators.messages.published");
        var started = TimeProvider.System.GetUtcNow();

        // When the simulator runs
        await simulator.Host.StartAsync(deadline.Token);
        await simulator.Host.WaitForShutdownAsync(deadline.Token);

        // Then it stopped by itself, and after a sentinel the subscriber holds exactly 18 telemetry messages
        Assert.False(deadline.IsCancellationRequested, "the simulator should stop by itself after the last message");
        await recorder.FlushAsync(deadline.Token);
        var telemetry = recorder.Messages.Where(m => m.Is(MessageType.Telemetry)).ToList();
        Assert.Equal(18, telemetry.Count);

        // And each deserialises into its kind's record, names the device of its topic, carries the device clock
        var received = telemetry.Select(m => Deserialize(m.DeviceTopic!.Value, m.Payload)).ToList();
        Assert.All(telemetry.Zip(received), pair => Assert.Equal(pair.First.DeviceTopic!.Value.DeviceId, pair.Second.DeviceId));
        Assert.All(received, m => Assert.InRange(m.Ts, started, TimeProvider.System.GetUtcNow()));
        Assert.All(telemetry, m => Assert.False(m.Retain));
        var perDevice = received.GroupBy(m => m.DeviceId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, perDevice.Count);
        Assert.All(perDevice.Values, count => Assert.Equal(3, count));
        Assert.Equal(3, received.OfType<StreetlightTelemetry>().Select(m => m.DeviceId).Distinct().Count());
        Assert.Equal(2, received.OfType<WatermeterTelemetry>().Select(m => m.DeviceId).Distinct().Count());
        Assert.Single(received.OfType<PloughTelemetry>().Select(m => m.DeviceId).Distinct());

        // And the observer reported exactly the messages the broker delivered
        Assert.Equal(
            simulator.Observer.Of(MessageType.Telemetry).Select(m => (m.DeviceId, m.Ts)).Order(),
            received.Select(m => (m.DeviceId, m.Ts)).Order());

        // And every device announced itself online (retained) first and offline (retained) last
        var statuses = recorder.Messages.Where(m => m.Is(MessageType.Status)).ToList();
        foreach (var deviceId in perDevice.Keys)
        {
            var own = statuses.Where(m => m.DeviceTopic!.Value.DeviceId == deviceId).ToList();
            Assert.Equal(2, own.Count);
            Assert.Equal(DeviceState.Online, ReadStatus(own[0]).State);
            Assert.Equal(DeviceState.Offline, ReadStatus(own[1]).State);
            Assert.All(own, m => Assert.True(m.Retain, "status messages are retained"));
            Assert.All(own, m => Assert.Equal(deviceId, ReadStatus(m).DeviceId));
        }

        // And the published counter counted all 30 acknowledged messages: 18 telemetry, 6 online, 6 offline
        Assert.Equal(30, published.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(18, published.GetMeasurementSnapshot().Where(m => (string?)m.Tags["message.type"] == "telemetry").EvaluateAsCounter());
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task A_clean_stop_leaves_every_device_offline_as_the_retained_status()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);

        // Given a running fleet with no message limit, every device online
        var municipality = TestNames.Municipality();
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, options =>
        {
            (options.Streetlights, options.Watermeters, options.Ploughs) = (2, 1, 1);
            options.WatermeterInterval = options.StreetlightInterval = options.PloughInterval = TimeSpan.FromMilliseconds(200);
        });
        await simulator.Host.StartAsync(deadline.Token);
        await Eventually.UntilAsync(() => simulator.Observer.Statuses(DeviceState.Online).Count == 4, Deadline, "four devices online", deadline.Token);
        await using (var live = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, deadline.Token, "status"))
        {
            await Eventually.UntilAsync(() => live.Messages.Count(m => m.Retain && ReadStatus(m).State == DeviceState.Online) == 4, Deadline, "four retained online statuses", deadline.Token);
        }

        // When the host is stopped
        await simulator.Host.StopAsync(deadline.Token);

        // Then each device published offline itself, and a newcomer finds offline retained for all four
        Assert.Equal(4, simulator.Observer.Statuses(DeviceState.Offline).Select(s => s.DeviceId).Distinct().Count());
        await using var newcomer = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, deadline.Token, "status");
        await Eventually.UntilAsync(() => newcomer.Messages.Count(m => m.Retain) == 4, Deadline, "four retained statuses", deadline.Token);
        Assert.All(newcomer.Messages.Where(m => m.Retain), m => Assert.Equal(DeviceState.Offline, ReadStatus(m).State));
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task Five_hundred_devices_connect_through_a_narrow_gate_and_each_delivers_its_message()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);

        // Given 500 devices of which at most four may be connecting at any moment
        var municipality = TestNames.Municipality();
        await using var recorder = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, deadline.Token, "telemetry");
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, options =>
        {
            (options.Streetlights, options.Watermeters, options.Ploughs) = (400, 80, 20);
            options.ConnectParallelism = 4;
            options.MessagesPerDevice = 1;
            options.WatermeterInterval = options.StreetlightInterval = options.PloughInterval = TimeSpan.FromSeconds(1);
        });

        // When the simulator runs to its end
        await simulator.Host.StartAsync(deadline.Token);
        await simulator.Host.WaitForShutdownAsync(deadline.Token);

        // Then it finished well within the deadline, and the broker delivered one message per device
        Assert.False(deadline.IsCancellationRequested, "500 devices should connect and report within a minute");
        await recorder.FlushAsync(deadline.Token);
        var devices = recorder.Messages.Where(m => m.Is(MessageType.Telemetry)).Select(m => m.DeviceTopic!.Value.DeviceId).ToList();
        Assert.Equal(500, devices.Count);
        Assert.Equal(500, devices.Distinct().Count());
        Assert.Empty(simulator.Errors);
    }

    internal static DeviceStatus ReadStatus(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractJsonContext.Default.DeviceStatus)
        ?? throw new InvalidOperationException("empty status");

    private static IDeviceMessage Deserialize(DeviceTopic topic, byte[] payload) => topic.Kind switch
    {
        DeviceKind.Streetlight => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.StreetlightTelemetry)!,
        DeviceKind.Watermeter => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.WatermeterTelemetry)!,
        DeviceKind.Plough => JsonSerializer.Deserialize(payload, ContractJsonContext.Default.PloughTelemetry)!,
        _ => throw new ArgumentOutOfRangeException(nameof(topic)),
    };
}
