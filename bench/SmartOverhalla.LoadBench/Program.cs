using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ingestion;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

// Ingestion throughput, end to end on real servers started here (loopback only, bounded):
// N street-light messages from K publishers → Mosquitto → ingestion worker → InfluxDB, then waits
// until InfluxDB holds all N points. Usage: LoadBench [messages=100000] [publishers=50]
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var publishers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
if (messages is < 1 or > 2_000_000 || publishers is < 1 or > 1_000 || messages % publishers != 0)
{
    Console.Error.WriteLine("messages must be 1..2,000,000, publishers 1..1,000, and messages a multiple of publishers");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10), TimeProvider.System);
var ct = cancel.Token;
await using var mosquitto = await MosquittoServer.StartAsync(ct);
await using var influx = await InfluxServer.StartAsync(ct);
var database = TestNames.Database();
var municipality = TestNames.Municipality();
var (host, logs) = TestHost.Build(
    new Dictionary<string, string?>
    {
        ["Mqtt:Host"] = mosquitto.Host,
        ["Mqtt:Port"] = mosquitto.Port.ToString(CultureInfo.InvariantCulture),
        ["InfluxDb:Url"] = influx.Url.ToString(),
        ["InfluxDb:Database"] = database,
        ["Ingestion:ClientId"] = "smartoverhalla-ingestion-loadbench",
        ["Logging:LogLevel:Default"] = "Warning",
    },
    b => b.AddIngestion());
await host.StartAsync(ct);
await Eventually.UntilAsync(() => logs.Entries.Any(e => e.Message.StartsWith("Subscribed to", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the worker to subscribe", ct);

var perPublisher = messages / publishers;
var start = TimeProvider.System.GetUtcNow().AddMinutes(-60);
var factory = new MqttClientFactory();
var clients = new List<IMqttClient>();
for (var p = 0; p < publishers; p++)
{
    var client = factory.CreateMqttClient();
    await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Host, mosquitto.Port).WithClientId($"lb-{p}").Build(), ct);
    clients.Add(client);
}

Console.WriteLine($"Publishing {messages:N0} messages from {publishers} devices (QoS 1, one in flight per device)...");
var gcBefore = GC.CollectionCount(0);
var clock = Stopwatch.StartNew();
await Task.WhenAll(clients.Select((client, p) => Task.Run(
    async () =>
    {
        var deviceId = $"lb-{p:D4}";
        var topic = $"smartcity/v1/{municipality}/streetlight/{deviceId}/telemetry";
        for (var i = 0; i < perPublisher; i++)
        {
            // One message per device per 10 ms of device time: distinct timestamps, so every message is its own point.
            var telemetry = new StreetlightTelemetry(deviceId, start.AddMilliseconds(10 * i), i % 101, 0.4 * (i % 101), 1000 + (i * 0.001), i % 101 > 0);
            var payload = JsonSerializer.SerializeToUtf8Bytes(telemetry, ContractJsonContext.Default.StreetlightTelemetry);
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        }
    },
    ct)));
var published = clock.Elapsed;

using var reader = new InfluxTestClient(influx.Url, database);
await Eventually.UntilAsync(async c => await reader.CountAsync("streetlight", "dimLevel", c) == messages, TimeSpan.FromMinutes(5), $"{messages} points in InfluxDB", ct);
var stored = clock.Elapsed;

var process = Process.GetCurrentProcess();
Console.WriteLine($"| messages | publishers | published in | all stored in | throughput (stored) | peak working set (whole process) | gen0 GCs |");
Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {messages:N0} | {publishers} | {published.TotalSeconds:F1} s | {stored.TotalSeconds:F1} s | {messages / stored.TotalSeconds:N0} msg/s | {process.PeakWorkingSet64 / 1024 / 1024} MiB | {GC.CollectionCount(0) - gcBefore} |"));

foreach (var client in clients)
{
    await client.DisconnectAsync(cancellationToken: ct);
    client.Dispose();
}

await host.StopAsync(ct);
host.Dispose();
logs.AssertNoUnexpectedErrors();
return 0;
