using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Planning;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>
/// The control loop walked through whole Overhalla nights on a fake clock, with lights that ack at once:
/// the exact commands each light receives. Reference instants are PyEphem 4.1.4 sun times for 64.50 N 11.95 E
/// (as in SmartOverhalla.Lighting.Tests' ReferenceSunTimes) plus the profile's offsets; clock steps converted by
/// hand (CET = UTC+1, CEST = UTC+2). A command matches when it went out within one control interval (plus a
/// minute of astronomical tolerance) after the reference instant, never before it.
/// </summary>
public sealed class NightCommandSequenceTests
{
    private const string Zones = """
        municipality: overhalla
        zones:
          - id: sentrum
            name: Sentrum
            latitude: 64.50
            longitude: 11.95
            lights: { prefixes: [sl-sentrum-] }
            profiles: { default: standard }
        profiles:
          - id: standard
            steps:
              - { at: sunset-10m, level: 100 }
              - { at: "23:00", level: 50 }
              - { at: "05:30", level: 100 }
              - { at: sunrise+10m, level: 0 }
        """;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tolerance = Interval + TimeSpan.FromMinutes(1);

    public static TheoryData<string, string, string, (int Level, string Utc)[]> Nights => new()
    {
        {
            "January weekday", "2026-01-14T11:00:00Z", "2026-01-15T11:00:00Z",
            [(0, "2026-01-14T11:00:00Z"), (100, "2026-01-14T13:46:44Z"), (50, "2026-01-14T22:00:00Z"), (100, "2026-01-15T04:30:00Z"), (0, "2026-01-15T08:53:54Z")]
        },
        {
            // Sunset 21:58:08 UTC, sunrise 00:30:34 UTC: "50 % at 23:00" waits for the sunset step; "05:30" is overtaken.
            "Midsummer", "2026-06-22T10:00:00Z", "2026-06-23T10:00:00Z",
            [(0, "2026-06-22T10:00:00Z"), (50, "2026-06-22T21:48:08Z"), (0, "2026-06-23T00:40:34Z")]
        },
        {
            // 29 March 2026: clocks jump 02:00 → 03:00 CET→CEST; 05:30 CEST is 03:30 UTC.
            "Spring-forward night", "2026-03-28T11:00:00Z", "2026-03-29T11:00:00Z",
            [(0, "2026-03-28T11:00:00Z"), (100, SunsetMinus10("2026-03-28")), (50, "2026-03-28T22:00:00Z"), (100, "2026-03-29T03:30:00Z"), (0, SunrisePlus10("2026-03-29"))]
        },
        {
            // 25 October 2026: clocks go back 03:00 → 02:00 CEST→CET; 23:00 CEST is 21:00 UTC, 05:30 CET is 04:30 UTC.
            "Fall-back night", "2026-10-24T10:00:00Z", "2026-10-25T11:00:00Z",
            [(0, "2026-10-24T10:00:00Z"), (100, SunsetMinus10("2026-10-24")), (50, "2026-10-24T21:00:00Z"), (100, "2026-10-25T04:30:00Z"), (0, SunrisePlus10("2026-10-25"))]
        },
    };

    [Theory]
    [MemberData(nameof(Nights))]
    public async Task Walk_WholeNight_EachLightGetsExactlyTheProfileCommands(string night, string from, string to, (int Level, string Utc)[] expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        using var folder = new TempDirectory("so-night-");
        var options = Options.Create(new LightingControlOptions
        {
            ControlInterval = Interval,
            StateFile = folder.File("state.json"),
        });
        var store = new LightStateStore(options, new TestEnvironment());
        string[] lights = ["sl-sentrum-1", "sl-sentrum-2", "sl-other-9"];
        foreach (var light in lights)
        {
            store.Update("overhalla", light, s => s);
        }

        var pending = new PendingAcks();
        var channel = new AckingChannel(pending, clock);
        var policy = new ZoneSchedulePolicy(new FixedZones(ZoneConfigurationLoader.Parse(Zones)), new DimmingPlanner());
        var retry = new ResiliencePipelineBuilder { TimeProvider = clock };
        CommandRetryPipeline.Configure(retry, options.Value);
        using var dispatcher = new CommandDispatcher(channel, pending, options, clock, new LoggingAuditLog(NullLogger<LoggingAuditLog>.Instance), retry.Build());
        using var controller = new LightingController(store, policy, dispatcher, channel, new NoAlerts(), options, clock, NullLogger<LightingController>.Instance);

        // When the control loop runs every 30 s through the night
        for (var now = clock.GetUtcNow(); now <= DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture); now = clock.GetUtcNow())
        {
            controller.RunRound(ct);
            await controller.WhenIdleAsync();
            clock.Advance(Interval);
        }

        // Then each light of the zone got exactly the profile's commands, at the reference instants; the other light none
        foreach (var light in lights[..2])
        {
            var sent = channel.Sent.Where(c => c.LightId == light).ToList();
            Assert.True(expected.Length == sent.Count, $"{night}, {light}: expected {expected.Length} commands, got {sent.Count}: {string.Join(", ", sent.Select(c => $"{c.Command.Level}@{c.At:HH:mm:ss}"))}");
            for (var i = 0; i < expected.Length; i++)
            {
                var reference = DateTimeOffset.Parse(expected[i].Utc, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected[i].Level, sent[i].Command.Level);
                Assert.InRange(sent[i].At, reference - TimeSpan.FromMinutes(1), reference + Tolerance);
            }
        }

        Assert.DoesNotContain(channel.Sent, c => c.LightId == "sl-other-9");
    }

    // Reference sun times (PyEphem 4.1.4, 64.50 N 11.95 E) for the DST nights, as in SmartOverhalla.Lighting.Tests:
    // sunset 28 March 17:51:51 UTC, sunrise 29 March 04:40:49 UTC; sunset 24 October 15:20:11, sunrise 25 October 06:34:35.
    private static string SunsetMinus10(string date) => date switch
    {
        "2026-03-28" => "2026-03-28T17:41:51Z",
        "2026-10-24" => "2026-10-24T15:10:11Z",
        _ => throw new ArgumentOutOfRangeException(nameof(date)),
    };

    private static string SunrisePlus10(string date) => date switch
    {
        "2026-03-29" => "2026-03-29T04:50:49Z",
        "2026-10-25" => "2026-10-25T06:44:35Z",
        _ => throw new ArgumentOutOfRangeException(nameof(date)),
    };

    private sealed class AckingChannel(PendingAcks pending, TimeProvider clock) : ICommandChannel
    {
        public List<(string LightId, SetDimCommand Command, DateTimeOffset At)> Sent { get; } = [];

        public bool IsConnected => true;

        public Task PublishAsync(string municipality, string lightId, DeviceCommand command, CancellationToken cancellationToken)
        {
            var setDim = (SetDimCommand)command;
            lock (Sent)
            {
                Sent.Add((lightId, setDim, clock.GetUtcNow()));
            }

            pending.TryComplete(new CommandAck(lightId, clock.GetUtcNow(), setDim.CmdId, AckResult.Applied, setDim.Level));
            return Task.CompletedTask;
        }
    }

    private sealed class FixedZones(ZoneConfiguration configuration) : IZoneConfigurationSource
    {
        public ZoneConfiguration Current => configuration;

        public ZoneConfigurationRejection? LastRejection => null;

        public event EventHandler<ZoneConfigurationChangedEventArgs>? Changed
        {
            add { }
            remove { }
        }
    }

    private sealed class NoAlerts : ILightingAlerts
    {
        public Task LightUnresponsiveAsync(string municipality, string lightId, SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"{lightId} was marked unresponsive, but every light acks at once.");
    }
}
