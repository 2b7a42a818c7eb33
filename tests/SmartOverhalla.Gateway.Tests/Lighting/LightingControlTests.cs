using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>Desired vs reported state, commands and acks, on a real Mosquitto, with the real gateway.</summary>
public sealed class LightingControlTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The test's light state files; xUnit disposes the class after each test, when its gateways have stopped.</summary>
    private readonly TempDirectory _state = new("so-lighting-");

    public void Dispose() => _state.Dispose();

    private string StateFile() => _state.File($"state-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task A_step_for_1000_lights_reaches_every_light_and_every_ack_is_recorded_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var policy = new SettablePolicy(municipality);
        await using var fleet = await TestLightFleet.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, 1000, silent: null, ct);
        await using var gateway = await LightingGateway.StartAsync(mosquitto.Server.Port, influx.Url, StateFile(), policy, ct);
        var store = gateway.Store();
        await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality) == 1000, Deadline, "the gateway to know all 1000 lights", ct);

        // When the zone steps to 50 %
        policy.Set(50);

        // Then every light acks 50 % and got exactly one command (a resend after a slow ack keeps its cmdId)
        await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality && s.AckedLevel == 50) == 1000, Deadline, "1000 acks of 50 %", ct);
        Assert.All(fleet.Lights, light => Assert.Single(fleet.CommandsTo(light).Select(c => c.CmdId).Distinct()));
        Assert.All(fleet.Lights, light => Assert.All(fleet.CommandsTo(light), c => Assert.Equal(50, c.Level)));
        Assert.DoesNotContain(store.All, s => s.Municipality == municipality && (s.PendingCmdId is not null || s.Unresponsive));

        // And each command is in the audit log once, sent by lighting control
        using var reader = new InfluxTestClient(influx.Url, "lighting");
        await Eventually.UntilAsync(
            async c => await reader.CountAsync("audit", "target", c, $"\"actor\" = 'lighting-control' AND \"action\" = 'command.setDim' AND \"target\" =~ /^{municipality}\\//") == 1000,
            Deadline,
            "1000 audited commands",
            ct);
    }

    [Fact]
    public async Task Lights_that_leave_deviceId_out_of_their_payloads_are_known_and_their_acks_recorded_by_topic()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var policy = new SettablePolicy(municipality);
        await using var fleet = await TestLightFleet.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, 3, silent: null, ct, withoutDeviceId: true);
        await using var gateway = await LightingGateway.StartAsync(mosquitto.Server.Port, influx.Url, StateFile(), policy, ct);
        var store = gateway.Store();

        // Given: the lights' status messages name them only by topic
        await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality) == 3, Deadline, "the gateway to know the 3 lights", ct);

        // When the zone steps to 60 %
        policy.Set(60);

        // Then each light's ack, also without deviceId, is recorded for the light its topic names
        await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality && s.AckedLevel == 60) == 3, Deadline, "3 acks of 60 %", ct);
        Assert.Equal(fleet.Lights.Order(StringComparer.Ordinal), store.All.Where(s => s.Municipality == municipality).Select(s => s.LightId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(store.All, s => s.Municipality == municipality && (s.PendingCmdId is not null || s.Unresponsive));
    }

    [Fact]
    public async Task A_light_that_never_acks_is_retried_then_marked_unresponsive_with_an_alert()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var policy = new SettablePolicy(municipality);
        await using var fleet = await TestLightFleet.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, 3, new HashSet<string> { "lys-00002" }, ct);
        await using var gateway = await LightingGateway.StartAsync(mosquitto.Server.Port, influx.Url, StateFile(), policy, ct);
        var store = gateway.Store();
        await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality) == 3, Deadline, "the gateway to know the lights", ct);

        policy.Set(80);

        await Eventually.UntilAsync(() => store.Find(municipality, "lys-00002")?.Unresponsive == true, Deadline, "the silent light to be unresponsive", ct);
        var silent = fleet.CommandsTo("lys-00002");
        Assert.Equal(3, silent.Count);
        Assert.Single(silent.Select(c => c.CmdId).Distinct());
        Assert.Equal(80, store.Find(municipality, "lys-00001")!.AckedLevel);
        Assert.Equal(80, store.Find(municipality, "lys-00003")!.AckedLevel);
        using var reader = new InfluxTestClient(influx.Url, "lighting");
        await Eventually.UntilAsync(
            async c => await reader.CountAsync("alert", "active", c, $"device = 'lys-00002' AND municipality = '{municipality}'") == 1,
            Deadline,
            "the unresponsive alert in InfluxDB",
            ct);
    }

    [Fact]
    public async Task A_gateway_restart_sends_no_commands_to_lights_that_are_already_right()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var policy = new SettablePolicy(municipality);
        var stateFile = StateFile();
        await using var fleet = await TestLightFleet.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, 50, silent: null, ct);
        await using (var first = await LightingGateway.StartAsync(mosquitto.Server.Port, influx.Url, stateFile, policy, ct))
        {
            var store = first.Store();
            await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality) == 50, Deadline, "the gateway to know the lights", ct);
            policy.Set(30);
            await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality && s.AckedLevel == 30) == 50, Deadline, "50 acks of 30 %", ct);
            await first.StopAsync(ct);
        }

        Assert.Equal(50, fleet.CommandCount);

        // When a new gateway starts from the saved state and runs several control rounds
        await using var second = await LightingGateway.StartAsync(mosquitto.Server.Port, influx.Url, stateFile, policy, ct);
        var controller = second.Services.GetRequiredService<LightingController>();
        var roundsAtStart = controller.Rounds;
        await Eventually.UntilAsync(() => controller.Rounds >= roundsAtStart + 5, Deadline, "five control rounds after the restart", ct);

        // Then it sent nothing; and a real change still goes out (control is alive)
        Assert.Equal(50, fleet.CommandCount);
        policy.Set(70);
        await Eventually.UntilAsync(() => second.Store().All.Count(s => s.Municipality == municipality && s.AckedLevel == 70) == 50, Deadline, "50 acks of 70 %", ct);
        Assert.Equal(100, fleet.CommandCount);
    }
}
