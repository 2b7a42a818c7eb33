using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ingestion;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

// A flooding device beside normal devices, end to end on real servers started here (loopback only, bounded):
// N normal devices at 1 msg/s and one device at R msg/s → Mosquitto → ingestion worker → InfluxDB, one round per
// flood rate. Reports the normal devices' publish-to-stored latency (polled every 25 ms) and what the worker's
// flood guard counted. Usage: FloodBench [seconds=10] [normalDevices=20] [rates=0,1000,3000]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var normalDevices = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var rates = (args.Length > 2 ? args[2] : "0,1000,3000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
if (seconds is < 1 or > 60 || normalDevices is < 1 or > 200 || rates.Any(r => r is < 0 or > 10_000 || r % 100 != 0))
{
    Console.Error.WriteLine("seconds 1..60, normal devices 1..200, rates 0..10,000 in steps of 100");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10), TimeProvider.System);
var ct = cancel.Token;
await using var mosquitto = await MosquittoServer.StartAsync(ct);
await using var influx = await InfluxServer.StartAsync(ct);
Console.WriteLine($"| flood rate | flood sent | all stored | normal p50 | normal p99 | normal max | over budget (guard) | episodes |");
Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var rate in rates)
{
    var database = TestNames.Database();
    var municipality = TestNames.Municipality();
    var (host, logs) = TestHost.Build(
        new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = mosquitto.Host,
            ["Mqtt:Port"] = mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["InfluxDb:Database"] = database,
            ["Ingestion:ClientId"] = "smartoverhalla-ingestion-floodbench-" + municipality,
            ["Ingestion:BatchInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        },
        b => b.AddIngestion());
    await host.StartAsync(ct);
    await Eventually.UntilAsync(() => logs.Entries.Any(e => e.Message.StartsWith("Subscribed to", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the worker to subscribe", ct);
    var flood = host.Services.GetRequiredService<FloodMetrics>();
    using var reader = new InfluxTestClient(influx.Url, database);
    var sent = new ConcurrentDictionary<(string, DateTimeOffset), long>();
    var stored = new ConcurrentDictionary<(string, DateTimeOffset), TimeSpan>();
    using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
    var poller = Task.Run(async () =>
    {
        var query = $"SELECT dimLevel, device FROM streetlight WHERE device =~ /^n-/ AND time >= '{since.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z'";
        while (!stopPolling.IsCancellationRequested)
        {
            try
            {
                foreach (var (series, row) in await reader.RowsAsync(query, stopPolling.Token))
                {
                    var key = (series.GetString(row, "device")!, series.GetTime(row));
                    if (!stored.ContainsKey(key) && sent.TryGetValue(key, out var at))
                    {
                        stored[key] = TimeProvider.System.GetElapsedTime(at);
                    }
                }

                await Task.Delay(25, stopPolling.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    var factory = new MqttClientFactory();
    var normal = Enumerable.Range(0, normalDevices).Select(i => Task.Run(async () =>
    {
        var device = $"n-{i}";
        using var client = factory.CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Host, mosquitto.Port).WithClientId(device + municipality).Build(), ct);
        await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * i / normalDevices), ct);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var s = 0; s < seconds; s++)
        {
            var now = TimeProvider.System.GetUtcNow();
            var ts = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            sent[(device, ts)] = TimeProvider.System.GetTimestamp();
            await client.PublishAsync(Message(municipality, device, ts, 50), ct);
            await timer.WaitForNextTickAsync(ct);
        }

        await client.DisconnectAsync(cancellationToken: ct);
    }, ct)).ToList();

    var floodSent = 0;
    if (rate > 0)
    {
        using var client = factory.CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Host, mosquitto.Port).WithClientId("flood" + municipality).Build(), ct);
        var first = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        var publishes = new List<Task<MqttClientPublishResult>>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        for (var tick = 0; tick < seconds * 100; tick++)
        {
            for (var i = 0; i < rate / 100; i++)
            {
                publishes.Add(client.PublishAsync(Message(municipality, "flood-1", first.AddMilliseconds(publishes.Count), publishes.Count % 101), ct));
            }

            await timer.WaitForNextTickAsync(ct);
        }

        floodSent = (await Task.WhenAll(publishes)).Count(r => r.IsSuccess);
        await client.DisconnectAsync(cancellationToken: ct);
    }

    await Task.WhenAll(normal);
    var clock = TimeProvider.System.GetTimestamp();
    await Eventually.UntilAsync(
        async c => stored.Count == normalDevices * seconds && await reader.CountAsync("streetlight", "dimLevel", c, "device = 'flood-1'") == floodSent,
        TimeSpan.FromMinutes(3),
        "every message stored",
        ct);
    var drained = TimeProvider.System.GetElapsedTime(clock);
    await stopPolling.CancelAsync();
    await poller;
    var sorted = stored.Values.Select(v => v.TotalMilliseconds).Order().ToArray();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {rate:N0} msg/s | {floodSent:N0} | {drained.TotalSeconds:0.0} s after the last publish | {sorted[(sorted.Length - 1) / 2]:0} ms | {sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1]:0} ms | {sorted[^1]:0} ms | {flood.OverBudgetTotal:N0} | {flood.EpisodesTotal} |"));
    await host.StopAsync(ct);
    host.Dispose();
    logs.AssertNoUnexpectedErrors();
}

return 0;

static MqttApplicationMessage Message(string municipality, string device, DateTimeOffset ts, int dim) => new MqttApplicationMessageBuilder()
    .WithTopic($"smartcity/v1/{municipality}/streetlight/{device}/telemetry")
    .WithPayload(JsonSerializer.SerializeToUtf8Bytes(new StreetlightTelemetry(device, ts, dim, 0.4 * dim, 1000, dim > 0), ContractJsonContext.Default.StreetlightTelemetry))
    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
    .Build();
