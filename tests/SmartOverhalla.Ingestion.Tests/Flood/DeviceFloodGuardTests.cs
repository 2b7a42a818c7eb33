using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Ingestion.Tests.Flood;

/// <summary>The per-device token bucket on a fake clock: budget, episodes logged once, other devices untouched, bounded tracking.</summary>
public sealed class DeviceFloodGuardTests : IDisposable
{
    private static readonly DeviceTopic Flooder = new("overhalla", DeviceKind.Streetlight, "flood-1", MessageType.Telemetry);
    private static readonly DeviceTopic Neighbour = new("overhalla", DeviceKind.Streetlight, "calm-1", MessageType.Telemetry);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ILoggerFactory _loggerFactory;
    private readonly FloodMetrics _metrics;

    public DeviceFloodGuardTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        _metrics = new FloodMetrics(_services.GetRequiredService<IMeterFactory>());
    }

    [Fact]
    public void Observe_WithinBurstAndSustainedRate_IsNeverOverBudget()
    {
        var guard = Guard(new DeviceFloodOptions { SustainedPerSecond = 20, Burst = 100 });

        // Given a full burst at once, then 20 messages a second for a minute
        var over = Enumerable.Range(0, 100).Count(_ => !guard.Observe(Flooder));
        for (var i = 0; i < 60 * 20; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            over += guard.Observe(Flooder) ? 0 : 1;
        }

        // Then nothing was over the budget and nothing was logged
        Assert.Equal(0, over);
        Assert.Equal(0, _metrics.EpisodesTotal);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Information);
    }

    [Fact]
    public void Observe_ThousandPerSecond_IsOverBudgetBeyondTheRateAndLoggedOncePerEpisode()
    {
        var guard = Guard(new DeviceFloodOptions { SustainedPerSecond = 20, Burst = 100 });

        // Given 3 s at 1,000 messages/s (one per millisecond)
        var within = 0;
        for (var i = 0; i < 3_000; i++)
        {
            within += guard.Observe(Flooder) ? 1 : 0;
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        // Then the burst plus 20/s passed (100 + 3 s × 20 = 160, the last token may not be whole yet)
        Assert.InRange(within, 159, 160);
        Assert.Equal(3_000 - within, _metrics.OverBudgetTotal);
        Assert.Equal(1, _metrics.EpisodesTotal);
        Assert.Equal(1, _metrics.FloodingNow);
        var started = Assert.Single(_logs.Entries, e => e.EventId.Id == 35);
        Assert.Equal(LogLevel.Warning, started.Level);
        Assert.Contains("overhalla/streetlight/flood-1", started.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_WhileOneDeviceFloods_OtherDevicesKeepTheirWholeBudget()
    {
        var guard = Guard(new DeviceFloodOptions { SustainedPerSecond = 20, Burst = 100 });

        var neighbourRefused = 0;
        for (var i = 0; i < 5_000; i++)
        {
            guard.Observe(Flooder);
            if (i % 1_000 == 0)
            {
                neighbourRefused += guard.Observe(Neighbour) ? 0 : 1;
            }

            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(0, neighbourRefused);
        Assert.Equal(1, _metrics.EpisodesTotal);
    }

    [Fact]
    public void Sweep_AfterTheQuietPeriod_EndsTheEpisodeOnceAndANewFloodIsANewEpisode()
    {
        var guard = Guard(new DeviceFloodOptions { SustainedPerSecond = 20, Burst = 100, QuietPeriod = TimeSpan.FromSeconds(10) });
        for (var i = 0; i < 500; i++)
        {
            guard.Observe(Flooder);
        }

        // When the device falls silent for less than the quiet period, the episode goes on
        _clock.Advance(TimeSpan.FromSeconds(9));
        guard.Sweep();
        Assert.Equal(1, _metrics.FloodingNow);

        // And after it, the sweep ends it with its count, once
        _clock.Advance(TimeSpan.FromSeconds(2));
        guard.Sweep();
        guard.Sweep();
        Assert.Equal(0, _metrics.FloodingNow);
        var ended = Assert.Single(_logs.Entries, e => e.EventId.Id == 36);
        Assert.Contains("400 messages over its budget", ended.Message, StringComparison.Ordinal);

        // Then a second flood is a second episode with its own log line
        for (var i = 0; i < 500; i++)
        {
            guard.Observe(Flooder);
        }

        Assert.Equal(2, _metrics.EpisodesTotal);
        Assert.Equal(2, _logs.Entries.Count(e => e.EventId.Id == 35));
    }

    [Fact]
    public void Sweep_ForgetsIdleDevices_AndBeyondTheLimitNewDevicesAreNotTrackedButNeverRefused()
    {
        var guard = Guard(new DeviceFloodOptions { SustainedPerSecond = 20, Burst = 100, MaxTrackedDevices = 100 });

        // Given 300 distinct device ids (a client inventing ids), each flooding
        var refused = 0;
        for (var d = 0; d < 300; d++)
        {
            var topic = Flooder with { DeviceId = "d" + d };
            for (var i = 0; i < 150; i++)
            {
                refused += guard.Observe(topic) ? 0 : 1;
            }
        }

        // Then only 100 are tracked (50 over-budget messages each), the limit is logged once
        Assert.Equal(100, guard.TrackedDevices);
        Assert.Equal(100 * 50, refused);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 37);

        // And once they are quiet and their buckets full again, the sweep forgets them all
        _clock.Advance(TimeSpan.FromSeconds(11));
        guard.Sweep();
        Assert.Equal(0, guard.TrackedDevices);
    }

    [Fact]
    public void Accept_InDeadLetterMode_OverBudgetMessagesBecomeRateLimitedRejectsWithTheirPayload()
    {
        // Given an intake whose guard dead-letters over-budget messages, with a burst of 5
        var guard = Guard(new DeviceFloodOptions { SustainedPerSecond = 1, Burst = 5, Action = FloodAction.DeadLetter });
        var intake = new MessageIntake(
            new MessageValidator(new ValidationOptions(), _clock),
            new DeviceOnlineTracker(),
            new IngestionMetrics(_services.GetRequiredService<IMeterFactory>()),
            guard,
            _clock);
        var topic = "smartcity/v1/overhalla/streetlight/flood-1/telemetry";

        // When 8 valid messages arrive at once
        var items = Enumerable.Range(0, 8).Select(i =>
        {
            var payload = Encoding.UTF8.GetBytes($$"""{"deviceId":"flood-1","ts":"2026-01-15T16:59:{{i:D2}}Z","dimLevel":40,"powerW":20,"energyKWh":1,"lampOn":true}""");
            return intake.Accept(topic, new ReadOnlySequence<byte>(payload), new NoReceipt());
        }).ToList();

        // Then 5 are points and 3 are rate-limited rejects that keep the whole payload
        Assert.Equal(5, items.Count(i => i.Point is not null));
        var rejects = items.Where(i => i.Rejected is not null).Select(i => i.Rejected!).ToList();
        Assert.Equal(3, rejects.Count);
        Assert.All(rejects, r =>
        {
            Assert.Equal(MessageIntake.RateLimitedReason, r.Reason);
            Assert.Equal(r.PayloadLength, r.PayloadStart.Length);
            Assert.False(string.IsNullOrWhiteSpace(r.Problems[0].Message));
        });
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _loggerFactory.Dispose();
        _services.Dispose();
    }

    private DeviceFloodGuard Guard(DeviceFloodOptions options) =>
        new(Options.Create(options), _metrics, _clock, _loggerFactory.CreateLogger<DeviceFloodGuard>());

    private sealed class NoReceipt : IDeliveryReceipt
    {
        public Task AcknowledgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
