using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Gateway;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.LightingBench;
using SmartOverhalla.Simulators;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

// A zone-wide step on N simulated street lights (each its own MQTT connection), through a real Mosquitto
// started here on 127.0.0.1: from the control round that decides the step to the last ack recorded.
// Usage: LightingBench [lights=10000]
var lights = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
if (lights is < 1 or > 15_000)
{
    Console.Error.WriteLine("lights must be 1..15,000 (one MQTT connection each; mind ulimit -n)");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15), TimeProvider.System);
var ct = cancel.Token;
await using var mosquitto = await MosquittoServer.StartAsync(ct);
await using var influx = await InfluxServer.StartAsync(ct);
var municipality = TestNames.Municipality();

var (simulators, simulatorLogs) = TestHost.Build(
    new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
    b => b.AddSimulators(
        o =>
        {
            o.Municipality = municipality;
            o.DeviceIdPrefix = "bench";
            o.Streetlights = lights;
            o.Watermeters = 0;
            o.Ploughs = 0;
            o.StreetlightInterval = TimeSpan.FromMinutes(10);
            o.ConnectParallelism = 64;
            o.Seed = 7;
        },
        m =>
        {
            m.Host = mosquitto.Host;
            m.Port = mosquitto.Port;
        }));
var connectClock = Stopwatch.StartNew();
await simulators.StartAsync(ct);

var policy = new StepPolicy(municipality);
// The gateway's content root (its light state and registry): declared before the gateway, so it is deleted after it stops.
using var contentRoot = new TempDirectory("so-bench-gw-");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = contentRoot.Path });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Broker:Mode"] = "External",
    ["Broker:External:Host"] = mosquitto.Host,
    ["Broker:External:Port"] = mosquitto.Port.ToString(CultureInfo.InvariantCulture),
    ["InfluxDb:Url"] = influx.Url.ToString(),
    ["Lighting:ClientId"] = "smartoverhalla-gateway-bench",
    ["Lighting:ControlInterval"] = "00:00:00.250",
});
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Logging.AddProvider(simulatorLogs);
builder.Services.AddSingleton<ILightingPolicy>(policy);
builder.AddGateway();
await using var gateway = builder.Build();
gateway.MapGateway();
await gateway.StartAsync(ct);
var store = gateway.Services.GetRequiredService<LightStateStore>();
await Eventually.UntilAsync(() => store.All.Count(s => s.Municipality == municipality) == lights, TimeSpan.FromMinutes(5), $"the gateway to know all {lights} lights", ct);
var connected = connectClock.Elapsed;

Console.WriteLine($"{lights:N0} lights online and known to the gateway after {connected.TotalSeconds:F1} s; stepping to 40 %...");
var stepClock = Stopwatch.StartNew();
policy.Set(40);
TimeSpan? firstAck = null;
while (true)
{
    var acked = store.All.Count(s => s.Municipality == municipality && s.AckedLevel == 40);
    if (acked > 0 && firstAck is null)
    {
        firstAck = stepClock.Elapsed;
    }

    if (acked == lights)
    {
        break;
    }

    ct.ThrowIfCancellationRequested();
    await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
}

var lastAck = stepClock.Elapsed;
var unresponsive = store.All.Count(s => s.Municipality == municipality && s.Unresponsive);
Console.WriteLine("| lights | first ack | last ack (decision → every light acked) | acks/s | unresponsive |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {lights:N0} | {firstAck!.Value.TotalMilliseconds:F0} ms | {lastAck.TotalSeconds:F2} s | {lights / lastAck.TotalSeconds:N0} | {unresponsive} |"));
Console.WriteLine("(decision = the step is set; the next control round, at most 250 ms later, sends the commands)");

await gateway.StopAsync(ct);
await simulators.StopAsync(ct);
simulators.Dispose();
return 0;
