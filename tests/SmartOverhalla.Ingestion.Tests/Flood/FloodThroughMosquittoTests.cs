using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests.Flood;

/// <summary>
/// A device flooding at 1,000 messages/s through Mosquitto (which has no per-client rate limit) beside 20 devices at
/// one a second: the worker detects and counts the flood, logs it once, stores everything (the default
/// <see cref="FloodAction.Store"/>), and the flood does not slow the normal devices: their median publish-to-stored
/// latency under the flood stays within a margin of their median without it. The median, in the same run, because a
/// stall of this shared machine (seen: 2.5 s) moves a p99 of 100 samples but not a median; p99 and max are printed,
/// and the latency figures themselves are measured by <c>bench/SmartOverhalla.FloodBench</c> (bench/results/flood.md).
/// </summary>
public sealed class FloodThroughMosquittoTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const int NormalDevices = 20;
    private const int Seconds = 5;
    private const int FloodPerSecond = 1_000;

    /// <summary>
    /// How much the flood may add to the normal devices' median latency: more than two batch intervals (100 ms) and polls
    /// (25 ms), less than what a flood that starved them would add (its 5,000 messages queued ahead of theirs).
    /// </summary>
    private static readonly TimeSpan MedianMargin = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_device_flooding_at_1000_messages_a_second_is_detected_and_counted_and_twenty_normal_devices_are_stored_within_the_latency_bound()
    {
        var ct = TestContext.Current.CancellationToken;
        using var overallTimer = new CancellationTokenSource(TimeSpan.FromMinutes(3), TimeProvider.System);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct, overallTimer.Token);
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url, new Dictionary<string, string?>
        {
            ["Ingestion:Flood:SustainedPerSecond"] = "20",
            ["Ingestion:Flood:Burst"] = "100",
            // Longer than a stall of this shared machine, so that one flood stays one episode.
            ["Ingestion:Flood:QuietPeriod"] = "00:00:05",
        });
        await h.StartWorkerAsync(overall.Token);
        var flood = h.Host!.Services.GetRequiredService<FloodMetrics>();
        var start = TimeProvider.System.GetUtcNow();
        await using var probe = new StoreLatencyProbe(h.Influx, "^n-");
        probe.Start(start.AddMinutes(-1));
        var devices = await ConnectAsync(Enumerable.Range(0, NormalDevices).Select(i => "n-" + i), h, overall.Token);

        // Given a baseline: 20 devices at 1 message/s
        await RunNormalDevicesAsync(devices, probe, h, overall.Token);

        // When one device floods at 1,000 messages/s meanwhile
        var floodStart = TimeProvider.System.GetUtcNow();
        var normal = RunNormalDevicesAsync(devices, probe, h, overall.Token);
        var flooded = await FloodAsync(h, overall.Token);
        await normal;

        // Then every message is stored: the 200 normal ones and all the flood's
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("streetlight", "dimLevel", c, "device = 'flood-1'") == flooded
                && probe.Stored.Count == 2 * NormalDevices * Seconds,
            TimeSpan.FromSeconds(60),
            $"{flooded} flood points and {2 * NormalDevices * Seconds} normal points",
            overall.Token);
        Assert.Equal(2 * NormalDevices * Seconds, await h.Influx.CountAsync("streetlight", "dimLevel", overall.Token, "device =~ /^n-/"));

        // And the flood does not slow the normal devices
        var baseline = Percentiles(probe.Stored.Where(s => s.Key.Ts < floodStart).Select(s => s.Value));
        var underFlood = Percentiles(probe.Stored.Where(s => s.Key.Ts >= floodStart).Select(s => s.Value));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"publish-to-stored latency of 20 normal devices, ms: baseline p50 {baseline.P50:0} p99 {baseline.P99:0} max {baseline.Max:0}; " +
            $"under a 1,000 msg/s flood p50 {underFlood.P50:0} p99 {underFlood.P99:0} max {underFlood.Max:0}. " +
            $"Flood: {flooded} sent, all stored; guard counted {flood.OverBudgetTotal} over budget in {flood.EpisodesTotal} episode(s)"));
        Assert.True(
            underFlood.P50 <= baseline.P50 + MedianMargin.TotalMilliseconds,
            $"median latency under the flood {underFlood.P50:0} ms, without it {baseline.P50:0} ms: more than {MedianMargin.TotalMilliseconds:0} ms added");

        // And the flood was detected once and counted (its burst of 100 plus 20/s passed as within budget)
        Assert.Equal(1, flood.EpisodesTotal);
        Assert.InRange(flood.OverBudgetTotal, flooded - 100 - (20 * (Seconds + 3)), flooded - 100);
        Assert.Single(h.Logs!.Entries, e => e.EventId.Id == 35);
        Assert.DoesNotContain(h.Logs.Entries, e => e.EventId.Id == 35 && !e.Message.Contains("flood-1", StringComparison.Ordinal));
        h.Logs.AssertNoUnexpectedErrors();

        foreach (var (_, client) in devices)
        {
            await client.DisconnectAsync(cancellationToken: CancellationToken.None);
            client.Dispose();
        }
    }

    private async Task<List<(string Device, IMqttClient Client)>> ConnectAsync(IEnumerable<string> devices, IngestionHarness h, CancellationToken ct)
    {
        var clients = new List<(string, IMqttClient)>();
        foreach (var device in devices)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Server.Host, mosquitto.Server.Port).WithClientId(device + "-" + h.Municipality).Build(), ct);
            clients.Add((device, client));
        }

        return clients;
    }

    private static async Task RunNormalDevicesAsync(List<(string Device, IMqttClient Client)> devices, StoreLatencyProbe probe, IngestionHarness h, CancellationToken ct)
    {
        await Task.WhenAll(devices.Select(async (d, index) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * index / devices.Count), ct);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            for (var i = 0; i < Seconds; i++)
            {
                var now = TimeProvider.System.GetUtcNow();
                var ts = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
                probe.Sent(d.Device, ts);
                await d.Client.PublishAsync(Message(h.Topic("streetlight", d.Device), IngestionHarness.Light(d.Device, ts, 50)), ct);
                await timer.WaitForNextTickAsync(ct);
            }
        }));
    }

    /// <summary>1,000 messages/s for <see cref="Seconds"/> s from one client (10 every 10 ms, acknowledgements not awaited in between).</summary>
    private async Task<int> FloodAsync(IngestionHarness h, CancellationToken ct)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Server.Host, mosquitto.Server.Port).WithClientId("flood-1-" + h.Municipality).Build(), ct);
        var topic = h.Topic("streetlight", "flood-1");
        var first = TimeProvider.System.GetUtcNow().AddMinutes(-20);
        var publishes = new List<Task<MqttClientPublishResult>>(FloodPerSecond * Seconds);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        for (var tick = 0; tick < Seconds * 100; tick++)
        {
            for (var i = 0; i < FloodPerSecond / 100; i++)
            {
                var n = publishes.Count;
                publishes.Add(client.PublishAsync(Message(topic, IngestionHarness.Light("flood-1", first.AddMilliseconds(n), n % 101)), ct));
            }

            await timer.WaitForNextTickAsync(ct);
        }

        var results = await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60), ct);
        Assert.All(results, r => Assert.True(r.IsSuccess));
        await client.DisconnectAsync(cancellationToken: ct);
        return results.Length;
    }

    private static MqttApplicationMessage Message<T>(string topic, T payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(JsonSerializer.SerializeToUtf8Bytes(payload, typeof(T), ContractJsonContext.Default))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static (double P50, double P99, double Max) Percentiles(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? (double.NaN, double.NaN, double.NaN)
            : (sorted[(sorted.Length - 1) / 2], sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1], sorted[^1]);
    }
}
