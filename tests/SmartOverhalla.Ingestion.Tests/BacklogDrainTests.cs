using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>
/// A backlog waiting at the broker for the worker's persistent session (issue 13, "no collapse on a backlog"):
/// it must drain in batches that are mostly full, not in one window of a few hundred messages per batch interval.
/// </summary>
public sealed class BacklogDrainTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const int Messages = 20_000;
    private const int Devices = 200;
    private const int PublishWindow = 500;

    // Generous on purpose, never a speed test: a fixed drain on a loaded 2-core machine takes a few seconds, the
    // collapse it guards against (about 140 messages per 1 s batch interval) more than 140 s.
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_backlog_queued_while_the_worker_was_away_is_stored_exactly_once_in_mostly_full_batches()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new IngestionHarness(
            mosquitto.Server.Host,
            mosquitto.Server.Port,
            influx.Url,
            new Dictionary<string, string?> { ["Ingestion:BatchInterval"] = "00:00:01" }); // longer than the shipped 250 ms: a stall would show

        // Given a persistent session (created by a first start) that queues 20,000 QoS 1 messages while the worker is away
        await h.StartWorkerAsync(ct);
        await h.StopWorkerAsync();
        var now = TimeProvider.System.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-1);
        await h.PublishAsync(h.Topic("streetlight", "lys-0"), IngestionHarness.Light("lys-0", start, 0), ct); // connects the publisher
        for (var first = 1; first < Messages; first += PublishWindow)
        {
            await Task.WhenAll(Enumerable.Range(first, Math.Min(PublishWindow, Messages - first)).Select(i =>
            {
                var device = "lys-" + (i % Devices);
                return h.PublishAsync(h.Topic("streetlight", device), IngestionHarness.Light(device, start.AddMilliseconds(i), i % 101), ct);
            }));
        }

        // When the worker starts again
        var started = TimeProvider.System.GetTimestamp();
        await h.StartWorkerAsync(ct);

        // Then every message is stored exactly once (one point per device and timestamp), well within the deadline
        var metrics = h.Host!.Services.GetRequiredService<IngestionMetrics>();
        long stored = 0;
        try
        {
            await Eventually.UntilAsync(
                async c => (stored = await h.Influx.CountAsync("streetlight", "dimLevel", c)) >= Messages,
                DrainDeadline,
                $"the backlog of {Messages} messages to be stored",
                ct);
        }
        catch (TimeoutException ex)
        {
            Assert.Fail($"{ex.Message} Stored {stored} of {Messages} in {DrainDeadline.TotalSeconds:0} s, in {metrics.Batches} batches of {(double)metrics.Written / Math.Max(1, metrics.Batches):F0} points on average.");
        }

        var drained = TimeProvider.System.GetElapsedTime(started);
        Assert.Equal(Messages, await h.Influx.CountAsync("streetlight", "dimLevel", ct));

        // And in batches that are mostly full (BatchSize 5,000), not one broker window per batch interval
        await Eventually.UntilAsync(() => metrics.Written >= Messages, DrainDeadline, "the worker to count its writes", ct);
        var averageBatch = (double)metrics.Written / metrics.Batches;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"drained {Messages} in {drained.TotalSeconds:F1} s ({Messages / drained.TotalSeconds:F0} msg/s), {metrics.Batches} batches, average {averageBatch:F0} points");
        Assert.True(averageBatch >= 1_000, $"{metrics.Batches} batches for {metrics.Written} points: {averageBatch:F0} per batch on average");
        Assert.Equal(Messages, metrics.Written); // each message written once: none delivered again
        h.Logs!.AssertNoUnexpectedErrors();
    }
}
