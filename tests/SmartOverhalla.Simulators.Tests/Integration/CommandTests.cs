using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Simulators.Tests.Support.PlatformCommands;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>Simulated street lights commanded over a real Mosquitto by a test client standing in for the gateway.</summary>
public sealed class CommandTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Lights_apply_a_setDim_ack_it_with_the_applied_level_and_then_report_that_level()
    {
        using var deadline = Deadlined();
        var ct = deadline.Token;

        // Given three lights reporting every 100 ms, online, and the platform listening
        var municipality = TestNames.Municipality();
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        using var simulator = await StartLightsAsync(municipality, 3, options => { }, ct);

        // When the platform sends each its own level
        var levels = new Dictionary<string, int> { [LightId(municipality, 1)] = 10, [LightId(municipality, 2)] = 35, [LightId(municipality, 3)] = 0 };
        var cmdIds = levels.Keys.ToDictionary(id => id, _ => NewCmdId());
        foreach (var (deviceId, level) in levels)
        {
            await platform.PublishAsync(CommandTopic(municipality, deviceId), SetDim(cmdIds[deviceId], level, TimeProvider.System.GetUtcNow()), ct);
        }

        // Then each acks its command as applied with that level
        await Eventually.UntilAsync(() => platform.Acks().Count >= 3, Deadline, "three acks", ct);
        var acks = platform.Acks();
        Assert.Equal(3, acks.Count);
        foreach (var (deviceId, level) in levels)
        {
            var ack = Assert.Single(acks, a => a.DeviceId == deviceId);
            Assert.Equal((cmdIds[deviceId], AckResult.Applied, (int?)level, (string?)null), (ack.CmdId, ack.Result, ack.AppliedLevel, ack.Reason));
            Assert.Equal($"smartcity/v1/{municipality}/streetlight/{deviceId}/ack", platform.Messages.Single(m => m.Is(MessageType.Ack) && ReadAck(m).DeviceId == deviceId).Topic);
        }

        // And every reading taken after the ack reports the commanded level, the lamp lit exactly when above 0
        await Eventually.UntilAsync(
            () => levels.Keys.All(id => TelemetryAfter(platform, acks.Single(a => a.DeviceId == id)).Count >= 3),
            Deadline,
            "three readings of each light after its ack",
            ct);
        foreach (var (deviceId, level) in levels)
        {
            var readings = TelemetryAfter(platform, acks.Single(a => a.DeviceId == deviceId));
            Assert.All(readings, r => Assert.Equal(level, r.DimLevel));
            Assert.All(readings, r => Assert.Equal(level > 0, r.LampOn));
        }

        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task Commands_the_light_cannot_apply_are_rejected_with_a_reason_and_payloads_without_a_cmdId_are_dropped()
    {
        using var deadline = Deadlined();
        var ct = deadline.Token;

        // Given one light at 60 %
        var municipality = TestNames.Municipality();
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        using var simulator = await StartLightsAsync(municipality, 1, options => { }, ct);
        var topic = CommandTopic(municipality, LightId(municipality, 1));
        var now = TimeProvider.System.GetUtcNow();
        await platform.PublishAsync(topic, SetDim("first", 60, now), ct);

        // When the platform sends a level out of range, an unknown command, an end in the past and two unanswerable payloads
        await platform.PublishAsync(topic, SetDim("too-bright", 140, now), ct);
        await platform.PublishAsync(topic, """{"type":"reboot","cmdId":"reboot-1","ts":"2026-01-15T05:40:01Z"}"""u8.ToArray(), ct);
        await platform.PublishAsync(topic, SetDim("too-late", 20, now, untilTs: now.AddMinutes(-1)), ct);
        await platform.PublishAsync(topic, "not json"u8.ToArray(), ct);
        await platform.PublishAsync(topic, """{"type":"setDim","level":0,"reason":"x"}"""u8.ToArray(), ct);

        // And a valid command after them, the sentinel: the light handles its commands in order
        await platform.PublishAsync(topic, SetDim("sentinel", 70, now), ct);
        await Eventually.UntilAsync(() => platform.Acks().Any(a => a.CmdId == "sentinel"), Deadline, "the sentinel's ack", ct);

        // Then exactly the commands with a cmdId were answered, in order, the invalid ones rejected with their reason
        var acks = platform.Acks();
        Assert.Equal(["first", "too-bright", "reboot-1", "too-late", "sentinel"], acks.Select(a => a.CmdId));
        Assert.Equal([AckResult.Applied, AckResult.Rejected, AckResult.Rejected, AckResult.Rejected, AckResult.Applied], acks.Select(a => a.Result));
        Assert.Equal("level 140 is outside 0-100", acks[1].Reason);
        Assert.Equal("unknown command type 'reboot'; a street light takes setDim", acks[2].Reason);
        Assert.StartsWith("untilTs ", acks[3].Reason, StringComparison.Ordinal);
        Assert.All(acks.Where(a => a.Result == AckResult.Rejected), a => Assert.Null(a.AppliedLevel));

        // And the two unanswerable payloads were logged as dropped, without errors
        Assert.Equal(2, simulator.Logs.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("dropped a command it cannot answer", StringComparison.Ordinal)));
        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task A_command_delivered_twice_is_acked_twice_alike_but_applied_once()
    {
        using var deadline = Deadlined();
        var ct = deadline.Token;

        // Given a light that applied A (30 %) and then B (70 %)
        var municipality = TestNames.Municipality();
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        using var simulator = await StartLightsAsync(municipality, 1, options => { }, ct);
        using var commands = new MetricCollector<long>(simulator.Host.Services.GetRequiredService<IMeterFactory>(), SimulatorMetrics.MeterName, "smartoverhalla.simulators.commands");
        var topic = CommandTopic(municipality, LightId(municipality, 1));
        var commandA = SetDim("A", 30, TimeProvider.System.GetUtcNow());
        await platform.PublishAsync(topic, commandA, ct);
        await Eventually.UntilAsync(() => platform.Acks().Count == 1, Deadline, "A's ack", ct);
        await platform.PublishAsync(topic, SetDim("B", 70, TimeProvider.System.GetUtcNow()), ct);
        await Eventually.UntilAsync(() => platform.Acks().Count == 2, Deadline, "B's ack", ct);

        // When A is delivered again (a QoS 1 re-delivery or a retry after a lost ack)
        await platform.PublishAsync(topic, commandA, ct);

        // Then A is acked again, exactly as the first time
        await Eventually.UntilAsync(() => platform.Acks().Count == 3, Deadline, "A's second ack", ct);
        var acks = platform.Acks();
        Assert.Equal(["A", "B", "A"], acks.Select(a => a.CmdId));
        Assert.Equal(acks[0], acks[2]);

        // And not applied again: every reading after the second ack still reports B's 70 %
        var secondAck = platform.Messages.ToList().FindLastIndex(m => m.Is(MessageType.Ack));
        await Eventually.UntilAsync(() => platform.Messages.Skip(secondAck).Count(IsTelemetry) >= 3, Deadline, "three readings after the second ack", ct);
        Assert.All(platform.Messages.Skip(secondAck).Where(IsTelemetry).Select(ReadTelemetry), r => Assert.Equal(70, r.DimLevel));
        Assert.Equal(2, Outcome(commands, "applied"));
        Assert.Equal(1, Outcome(commands, "duplicate"));

        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task A_failed_lamp_and_a_faulty_driver_show_in_telemetry_and_each_raise_their_event_once()
    {
        using var deadline = Deadlined();
        var ct = deadline.Token;

        // Given light 1 with a failed lamp, light 2 with a faulty driver, light 3 healthy
        var municipality = TestNames.Municipality();
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        var (failed, faulty, healthy) = (LightId(municipality, 1), LightId(municipality, 2), LightId(municipality, 3));
        using var simulator = await StartLightsAsync(municipality, 3, options =>
        {
            options.StreetlightFaults.LampFailure.Devices = [failed];
            options.StreetlightFaults.DriverFault.Devices = [faulty];
        }, ct);

        // When the platform asks for full light on the first and 30 % on the others
        var now = TimeProvider.System.GetUtcNow();
        await platform.PublishAsync(CommandTopic(municipality, failed), SetDim("on", 100, now), ct);
        await platform.PublishAsync(CommandTopic(municipality, faulty), SetDim("dim", 30, now), ct);
        await platform.PublishAsync(CommandTopic(municipality, healthy), SetDim("dim", 30, now), ct);
        await Eventually.UntilAsync(() => platform.Acks().Count == 3, Deadline, "three acks", ct);
        var acks = platform.Acks();
        Assert.All(acks, a => Assert.Equal(AckResult.Applied, a.Result));
        await Eventually.UntilAsync(
            () => acks.All(a => TelemetryAfter(platform, a).Count >= 5),
            Deadline,
            "five readings of each light after its ack",
            ct);

        // Then the failed lamp reports full light asked for, unlit, at standby power
        Assert.All(TelemetryAfter(platform, acks.Single(a => a.DeviceId == failed)), r => Assert.Equal((100, false, 0.5), (r.DimLevel, r.LampOn, r.PowerW)));

        // And the faulty driver draws more at 30 % than twice the healthy light does (both are 40-80 W lamps)
        var faultyPower = TelemetryAfter(platform, acks.Single(a => a.DeviceId == faulty)).Min(r => r.PowerW);
        var healthyPower = TelemetryAfter(platform, acks.Single(a => a.DeviceId == healthy)).Max(r => r.PowerW);
        Assert.True(faultyPower > 40, $"a faulty driver at 30 % draws full power, got {faultyPower} W");
        Assert.True(healthyPower < 26, $"a healthy 40-80 W light at 30 % draws at most 25 W, got {healthyPower} W");

        // And each faulty light published its event exactly once, the healthy one none
        await platform.FlushAsync(ct);
        var events = platform.Messages.Where(m => m.Is(MessageType.Event)).Select(ReadEvent).ToList();
        Assert.Equal([(failed, "lampFailure"), (faulty, "driverFault")], events.Select(e => (e.DeviceId, e.Type)).Order());

        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }

    private Task<SimulatorHost> StartLightsAsync(string municipality, int lights, Action<SimulatorOptions> configure, CancellationToken ct) =>
        SimulatorHost.StartStreetlightsAsync(mosquitto.Server.Port, municipality, lights, configure, ct);

    private static CancellationTokenSource Deadlined()
    {
        var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);
        return deadline;
    }

    private static bool IsTelemetry(ReceivedMessage message) => message.Is(MessageType.Telemetry);

    /// <summary>The light's readings taken after it acted on <paramref name="ack"/>.</summary>
    private static List<StreetlightTelemetry> TelemetryAfter(MqttRecorder recorder, CommandAck ack) =>
        [.. recorder.Messages.Where(IsTelemetry).Select(ReadTelemetry).Where(t => t.DeviceId == ack.DeviceId && t.Ts > ack.Ts)];

    private static long Outcome(MetricCollector<long> commands, string outcome) =>
        commands.GetMeasurementSnapshot().Where(m => (string?)m.Tags["command.outcome"] == outcome).Sum(m => m.Value);
}
