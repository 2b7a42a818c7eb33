using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Simulators.Tests.Support.PlatformCommands;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>Lights with injected ack faults, as the gateway's retries and "unresponsive" alerts will meet them.</summary>
public sealed class AckFaultTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>20:00 in Overhalla on a winter evening.</summary>
    private static readonly DateTimeOffset WinterEvening = new(2026, 1, 15, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_never_acking_light_applies_the_command_but_sends_no_ack()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);
        var ct = deadline.Token;

        // Given light 1 that never acks and a normal light 2
        var municipality = TestNames.Municipality();
        var (silent, normal) = (LightId(municipality, 1), LightId(municipality, 2));
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        using var simulator = await SimulatorHost.StartStreetlightsAsync(
            mosquitto.Server.Port, municipality, 2, options => options.StreetlightFaults.NeverAck.Devices = [silent], ct);

        // When the platform commands light 1, then light 2 as the sentinel
        var now = TimeProvider.System.GetUtcNow();
        await platform.PublishAsync(CommandTopic(municipality, silent), SetDim("silent-cmd", 20, now), ct);
        await platform.PublishAsync(CommandTopic(municipality, normal), SetDim("sentinel", 70, now), ct);
        await Eventually.UntilAsync(() => platform.Acks().Any(a => a.CmdId == "sentinel"), Deadline, "the sentinel's ack", ct);

        // Then light 1 applied it: it reports 20 %. An ack sent at once would have left on its connection before that reading.
        await Eventually.UntilAsync(
            () => platform.Messages.Where(m => m.Is(MessageType.Telemetry)).Select(ReadTelemetry).Any(t => t.DeviceId == silent && t.DimLevel == 20),
            Deadline,
            "light 1 to report the commanded 20 %",
            ct);
        await platform.FlushAsync(ct);

        // And the only ack the platform got is the sentinel's
        Assert.Equal(["sentinel"], platform.Acks().Select(a => a.CmdId));
        Assert.Contains(simulator.Logs.GetSnapshot(), r => r.Message.Contains($"{silent} withholds the ack of command silent-cmd", StringComparison.Ordinal));
        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task A_slow_acking_light_acks_only_once_the_delay_has_passed_on_its_clock()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);
        var ct = deadline.Token;

        // Given light 1 acking 30 s late and a normal light 2, both on a fake clock that only the test moves
        var municipality = TestNames.Municipality();
        var (slow, normal) = (LightId(municipality, 1), LightId(municipality, 2));
        var time = new FakeTimeProvider(WinterEvening);
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        using var simulator = await SimulatorHost.StartStreetlightsAsync(
            mosquitto.Server.Port,
            municipality,
            2,
            options =>
            {
                options.StreetlightInterval = TimeSpan.FromHours(1);
                options.StreetlightFaults.SlowAck.Devices = [slow];
                options.StreetlightFaults.SlowAckDelay = TimeSpan.FromSeconds(30);
            },
            ct,
            time);

        // When light 1 has applied command A, and light 2's sentinel ack has come back
        await platform.PublishAsync(CommandTopic(municipality, slow), SetDim("A", 40, WinterEvening), ct);
        await WaitForAppliedAsync(simulator, slow, "A", ct);
        await platform.PublishAsync(CommandTopic(municipality, normal), SetDim("sentinel", 70, WinterEvening), ct);
        await Eventually.UntilAsync(() => platform.Acks().Any(a => a.CmdId == "sentinel"), Deadline, "the sentinel's ack", ct);

        // Then there is no ack from light 1 yet
        Assert.DoesNotContain(platform.Acks(), a => a.CmdId == "A");

        // When its clock moves 29 s, and it handles command B (so its loop has looked at what is due since)
        time.Advance(TimeSpan.FromSeconds(29));
        await platform.PublishAsync(CommandTopic(municipality, slow), SetDim("B", 45, time.GetUtcNow()), ct);
        await WaitForAppliedAsync(simulator, slow, "B", ct);

        // Then it has still not acked A: the device sends what is due before it handles new commands
        Assert.DoesNotContain(simulator.Observer.Of(MessageType.Ack).Cast<CommandAck>(), a => a.CmdId == "A");

        // When the last second of the delay passes
        time.Advance(TimeSpan.FromSeconds(1));

        // Then A's ack arrives: applied, 40 %, stamped with when the light acted
        await Eventually.UntilAsync(() => platform.Acks().Any(a => a.CmdId == "A"), Deadline, "A's ack after 30 s", ct);
        Assert.Equal(new CommandAck(slow, WinterEvening, "A", AckResult.Applied, AppliedLevel: 40), platform.Acks().Single(a => a.CmdId == "A"));
        Assert.DoesNotContain(simulator.Observer.Of(MessageType.Ack).Cast<CommandAck>(), a => a.CmdId == "B");

        // And B's, 30 s after it was handled
        time.Advance(TimeSpan.FromSeconds(29));
        await Eventually.UntilAsync(() => platform.Acks().Any(a => a.CmdId == "B"), Deadline, "B's ack", ct);
        Assert.Equal(["A", "B"], platform.Acks().Where(a => a.DeviceId == slow).Select(a => a.CmdId));

        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }

    private static Task WaitForAppliedAsync(SimulatorHost simulator, string deviceId, string cmdId, CancellationToken ct) =>
        Eventually.UntilAsync(
            () => simulator.Logs.GetSnapshot().Any(r => r.Message.Contains($"{deviceId} applied command {cmdId}:", StringComparison.Ordinal)),
            Deadline,
            $"{deviceId} to apply {cmdId}",
            ct);
}
