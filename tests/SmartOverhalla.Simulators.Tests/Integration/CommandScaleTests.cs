using System.Diagnostics;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Simulators.Tests.Support.PlatformCommands;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>A zone-wide step at the size of Overhalla's lighting: every light commanded at once.</summary>
public sealed class CommandScaleTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private const int Lights = 1_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_thousand_lights_each_receive_a_setDim_and_all_thousand_acks_arrive()
    {
        using var deadlineTimer = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadlineTimer.Token);
        var ct = deadline.Token;

        // Given a thousand lights online (reporting once a minute, so commands dominate the traffic)
        var municipality = TestNames.Municipality();
        await using var platform = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, ct);
        var connecting = Stopwatch.StartNew();
        using var simulator = await SimulatorHost.StartStreetlightsAsync(
            mosquitto.Server.Port, municipality, Lights, options => options.StreetlightInterval = TimeSpan.FromMinutes(1), ct);
        connecting.Stop();

        // When the platform sends each light a level, all at once
        var levels = Enumerable.Range(1, Lights).ToDictionary(n => $"scale-{n}", n => n % 101);
        var stepping = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        await Task.WhenAll(Enumerable.Range(1, Lights).Select(n =>
            platform.PublishAsync(CommandTopic(municipality, LightId(municipality, n)), SetDim($"scale-{n}", levels[$"scale-{n}"], now, reason: "zone-step"), ct)));
        var published = stepping.Elapsed;

        // Then every light acks its own command, applied at its level
        await Eventually.UntilAsync(() => platform.Acks().Count >= Lights, Deadline, $"{Lights} acks", ct);
        var lastAck = stepping.Elapsed;
        var acks = platform.Acks();
        Assert.Equal(Lights, acks.Count);
        Assert.Equal(Lights, acks.Select(a => a.DeviceId).Distinct().Count());
        Assert.All(acks, a => Assert.Equal((AckResult.Applied, (int?)levels[a.CmdId]), (a.Result, a.AppliedLevel)));
        Assert.All(acks, a => Assert.Equal(LightId(municipality, int.Parse(a.CmdId["scale-".Length..], System.Globalization.CultureInfo.InvariantCulture)), a.DeviceId));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Lights} lights: online after {connecting.Elapsed.TotalSeconds:0.0} s; commands published in {published.TotalMilliseconds:0} ms; last ack {lastAck.TotalMilliseconds:0} ms after the first command");
        await simulator.Host.StopAsync(ct);
        Assert.Empty(simulator.Errors);
    }
}
