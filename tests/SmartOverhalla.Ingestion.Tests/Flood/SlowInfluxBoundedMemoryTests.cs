using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests.Flood;

/// <summary>
/// Back-pressure when InfluxDB is slow: a real InfluxDB behind a proxy that delays each response, and 10,000 messages
/// published as fast as Mosquitto takes them. The worker holds at most its queue plus one batch (the rest waits,
/// unacknowledged, in the broker), its queue never exceeds its capacity, managed memory stays bounded, and in the
/// end every message is stored.
/// </summary>
public sealed class SlowInfluxBoundedMemoryTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const int Messages = 10_000;
    private const int Publishers = 10;
    private const int BatchSize = 200;
    private const int QueueCapacity = 400;
    private const int ReceiveMaximum = 1_000;

    /// <summary>The stated bound on the test process's managed heap growth while the worker is backed up.</summary>
    private const long HeapGrowthBound = 64L * 1024 * 1024;

    [Fact]
    public async Task With_InfluxDB_slow_the_worker_holds_at_most_its_queue_and_one_batch_memory_stays_bounded_and_everything_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var overallTimer = new CancellationTokenSource(TimeSpan.FromMinutes(3), TimeProvider.System);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct, overallTimer.Token);
        await using var proxy = new TcpDelayProxy(influx.Url, TimeSpan.FromMilliseconds(200));
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, proxy.Url, new Dictionary<string, string?>
        {
            ["Ingestion:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Ingestion:QueueCapacity"] = QueueCapacity.ToString(CultureInfo.InvariantCulture),
            ["Ingestion:ReceiveMaximum"] = ReceiveMaximum.ToString(CultureInfo.InvariantCulture),
            // The publishers here send far above a device's budget; this test is about InfluxDB, not floods.
            ["Ingestion:Flood:Burst"] = "1000000",
        });
        using var direct = new InfluxTestClient(influx.Url, h.Database);
        await h.StartWorkerAsync(overall.Token);
        var queue = h.Host!.Services.GetRequiredService<IngestionQueue>();
        var metrics = h.Host.Services.GetRequiredService<IngestionMetrics>();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        // Given a sampler of the worker's queue, its messages in flight (received, not yet stored) and the heap
        var maxQueue = 0;
        var maxInFlight = 0L;
        var maxHeap = 0L;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
        var sampler = Task.Run(
            async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
                do
                {
                    maxQueue = Math.Max(maxQueue, queue.Channel.Reader.Count);
                    maxInFlight = Math.Max(maxInFlight, metrics.Received - metrics.Written - metrics.Rejected);
                    maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
                }
                while (!sampling.IsCancellationRequested && await timer.WaitForNextTickAsync(CancellationToken.None));
            },
            CancellationToken.None);

        // When 10,000 messages are published as fast as the broker takes them
        var published = TimeProvider.System.GetTimestamp();
        var first = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => PublishAsync(h, "s-" + p, first, Messages / Publishers, overall.Token)));
        var publishTime = TimeProvider.System.GetElapsedTime(published);

        // Then all of them are stored in the end
        await Eventually.UntilAsync(
            async c => await direct.CountAsync("streetlight", "dimLevel", c, "device =~ /^s-/") == Messages,
            TimeSpan.FromSeconds(120),
            $"{Messages} points behind the slow proxy",
            overall.Token);
        var drainTime = TimeProvider.System.GetElapsedTime(published);
        await sampling.CancelAsync();
        await sampler;

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Messages} messages published in {publishTime.TotalSeconds:0.0} s, all stored after {drainTime.TotalSeconds:0.0} s behind a {proxy.Delay.TotalMilliseconds:0} ms response delay; " +
            $"max queue {maxQueue}/{QueueCapacity}, max in flight in the worker {maxInFlight} (bound {BatchSize + QueueCapacity + 1}, receive maximum {ReceiveMaximum}), " +
            $"managed heap {heapBefore / 1048576.0:0.0} MiB before, max {maxHeap / 1048576.0:0.0} MiB during (growth bound {HeapGrowthBound / 1048576} MiB)"));

        // And the worker never held more than its queue and one batch, and the queue never more than its capacity
        Assert.InRange(maxQueue, 1, QueueCapacity);
        Assert.InRange(maxInFlight, QueueCapacity, BatchSize + QueueCapacity + 1);

        // And InfluxDB really was the bottleneck: the broker took the messages much faster than they were stored
        Assert.True(drainTime > 2 * publishTime, $"publishing took {publishTime.TotalSeconds:0.0} s and storing {drainTime.TotalSeconds:0.0} s: no back-pressure was exercised");

        // And managed memory grew by less than the bound
        Assert.True(maxHeap - heapBefore < HeapGrowthBound, $"heap grew by {(maxHeap - heapBefore) / 1048576.0:0.0} MiB");
        h.Logs!.AssertNoUnexpectedErrors();
    }

    private async Task PublishAsync(IngestionHarness h, string device, DateTimeOffset first, int count, CancellationToken ct)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Server.Host, mosquitto.Server.Port).WithClientId(device + "-" + h.Municipality).Build(), ct);
        var topic = h.Topic("streetlight", device);
        for (var i = 0; i < count; i++)
        {
            var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(IngestionHarness.Light(device, first.AddMilliseconds(i), i % 101), SmartOverhalla.Contracts.Json.ContractJsonContext.Default.StreetlightTelemetry);
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
            Assert.True(result.IsSuccess);
        }

        await client.DisconnectAsync(cancellationToken: ct);
    }
}
