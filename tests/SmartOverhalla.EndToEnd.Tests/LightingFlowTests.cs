using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// Lighting control end to end: the gateway (with its embedded broker) commands 1,000 simulated street lights,
/// each on its own MQTT connection with its own credentials, and one of them never answers.
/// </summary>
public sealed class LightingFlowTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const int Lights = 1000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_zone_step_reaches_1000_simulated_lights_and_the_one_that_never_acks_ends_up_unresponsive_with_an_alert()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        var policy = new StepPolicy(platform.Municipality);
        const string Silent = "e2e-light-0500";
        void Fleet(SimulatorOptions o)
        {
            o.Streetlights = Lights;
            o.Watermeters = 0;
            o.Ploughs = 0;
            o.StreetlightInterval = TimeSpan.FromSeconds(1);
            o.StreetlightFaults.NeverAck.Devices = [Silent];
            // Each light logs in as itself (fleet-key credentials), as run.sh's simulators do; the gateway commands
            // through its own service account, and anonymous clients are refused.
            o.FleetKey = platform.FleetKey;
        }

        var settings = await platform.SecureFleetSettingsAsync(Fleet, ct);
        settings["Lighting:ControlInterval"] = "00:00:00.200";
        settings["Lighting:AckTimeout"] = "00:00:02";
        settings["Lighting:MaxAttempts"] = "3";
        settings["Lighting:RetryBaseDelay"] = "00:00:00.200";
        settings["Lighting:RetryMaxDelay"] = "00:00:00.500";
        var brokerPort = await platform.StartGatewayWithEmbeddedBrokerAsync(ct, policy, settings);
        await platform.StartSimulatorsAsync("127.0.0.1", brokerPort, Fleet, ct);
        var store = platform.GatewayServices!.GetRequiredService<LightStateStore>();
        await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == platform.Municipality) == Lights, Deadline, "the gateway to know every light", ct);

        // When the zone steps to 60 %
        policy.Set(60);

        // Then 999 lights ack 60 %, the silent one is unresponsive, an alert is stored, and its telemetry shows it obeyed anyway
        await Eventually.UntilAsync(
            () => store.All.Count(s => s.Municipality == platform.Municipality && s.AckedLevel == 60) == Lights - 1
                  && store.Find(platform.Municipality, Silent)?.Unresponsive == true,
            Deadline,
            "999 acks and one unresponsive light",
            ct);
        Assert.Null(store.Find(platform.Municipality, Silent)!.AckedLevel);
        await Eventually.UntilAsync(
            async c => await platform.Influx.CountAsync("alert", "active", c, $"device = '{Silent}' AND \"type\" = 'unresponsive'") == 1,
            Deadline,
            "the unresponsive alert in InfluxDB",
            ct);
        await Eventually.UntilAsync(() => store.Find(platform.Municipality, Silent)?.ReportedLevel == 60, Deadline, "the silent light's telemetry at 60 %", ct);
        // Every light logged in as a registered device, none was refused.
        Assert.Equal(Lights, platform.GatewayServices!.GetRequiredService<SmartOverhalla.Gateway.Devices.DeviceRegistry>().All.Count);
        Assert.Equal(0, platform.GatewayServices!.GetRequiredService<SmartOverhalla.Gateway.Broker.BrokerMetrics>().ConnectionsRefusedTotal);
        platform.Logs.AssertNoUnexpectedErrors();
    }

    private sealed class StepPolicy(string municipality) : ILightingPolicy
    {
        private volatile LightDecision? _decision;

        public void Set(int level) => _decision = new LightDecision(level, "e2e step", "e2e");

        public LightDecision? Decide(string lightMunicipality, string lightId, DateTimeOffset now) =>
            lightMunicipality == municipality ? _decision : null;
    }
}
