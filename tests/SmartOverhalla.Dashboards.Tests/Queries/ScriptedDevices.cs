using System.Text.Json;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.EndToEnd.Tests;

namespace SmartOverhalla.Dashboards.Tests.Queries;

/// <summary>
/// Hand-driven devices that bring the states the simulators reach only by chance, or never: a lamp failure, a
/// driver fault, a light that went offline, command acknowledgements, every water meter alarm, a plough with
/// its blade up and down spreading sand, salt and nothing, a lit lamp whatever the time of day, and one
/// malformed message. Their ids start with <c>hand-</c>, which sorts before the simulators' <c>sim-</c>, so a
/// device variable's first value (what a test selects, as Grafana does) is one of them.
/// </summary>
internal static class ScriptedDevices
{
    public const string Light = "hand-light-01";
    public const string BrokenLight = "hand-light-02";
    public const string Meter = "hand-water-01";
    public const string Plough = "hand-plough-01";

    /// <summary>Points the messages below become, per measurement and device-id condition (for waiting until they are stored).</summary>
    public static readonly IReadOnlyList<(string Measurement, string Field, string Where, int Count)> ExpectedPoints =
    [
        ("streetlight", "dimLevel", $"\"device\" = '{Light}'", 2),
        ("device_event", "count", "\"device\" =~ /^hand-/", 2),
        ("command_ack", "cmdId", "\"device\" =~ /^hand-/", 2),
        ("device_status", "online", $"\"device\" = '{BrokenLight}'", 1),
        ("watermeter", "volumeL", "\"device\" =~ /^hand-/", 7),
        ("plough", "lat", $"\"device\" = '{Plough}'", 3),
        ("ingestion_reject", "count", "\"reason\" = 'json-malformed'", 1),
    ];

    public static async Task PublishAsync(RawPublisher device, string municipality, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"smartcity/v1/{municipality}";
        var t0 = now.AddSeconds(-10);
        var light = $"{prefix}/streetlight/{Light}";
        await device.PublishAsync($"{light}/telemetry", Json(new StreetlightTelemetry(Light, t0, 100, 62.5, 1200.0, LampOn: true)), ct);
        await device.PublishAsync($"{light}/telemetry", Json(new StreetlightTelemetry(Light, t0.AddSeconds(1), 100, 62.5, 1200.02, LampOn: true)), ct);
        await device.PublishAsync($"{light}/event", Json(new DeviceEvent(Light, t0.AddSeconds(2), "lampFailure", "lamp open circuit")), ct);
        await device.PublishAsync($"{light}/ack", Json(new CommandAck(Light, t0.AddSeconds(3), "dash-cmd-1", AckResult.Applied, AppliedLevel: 40)), ct);
        await device.PublishAsync($"{light}/ack", Json(new CommandAck(Light, t0.AddSeconds(4), "dash-cmd-2", AckResult.Rejected, Reason: "level below the lamp's minimum")), ct);

        var broken = $"{prefix}/streetlight/{BrokenLight}";
        await device.PublishAsync($"{broken}/event", Json(new DeviceEvent(BrokenLight, t0.AddSeconds(1), "driverFault", "driver overheated")), ct);
        await device.PublishAsync($"{broken}/status", Json(new DeviceStatus(BrokenLight, t0.AddSeconds(2), DeviceState.Offline)), ct);

        // One meter with two readings (consumption needs a difference), then one meter per remaining alarm.
        var meter = $"{prefix}/watermeter/{Meter}";
        var leak = new WatermeterAlarms(Leak: true, Burst: false, Backflow: false, Dry: false, Tamper: false, LowBattery: false);
        await device.PublishAsync($"{meter}/telemetry", Json(new WatermeterTelemetry(Meter, t0, 512_000.0, 30.0, 7.9, 80, leak)), ct);
        await device.PublishAsync($"{meter}/telemetry", Json(new WatermeterTelemetry(Meter, t0.AddSeconds(1), 512_000.5, 30.0, 7.8, 80, leak)), ct);
        WatermeterAlarms[] others =
        [
            leak with { Leak = false, Burst = true },
            leak with { Leak = false, Backflow = true },
            leak with { Leak = false, Dry = true },
            leak with { Leak = false, Tamper = true },
            leak with { Leak = false, LowBattery = true },
        ];
        for (var i = 0; i < others.Length; i++)
        {
            var id = $"hand-water-{i + 2:D2}";
            var battery = others[i].LowBattery ? 8 : 70;
            await device.PublishAsync($"{prefix}/watermeter/{id}/telemetry", Json(new WatermeterTelemetry(id, t0, 10_000.0 * (i + 1), 0.0, 8.1, battery, others[i])), ct);
        }

        var plough = $"{prefix}/plough/{Plough}/telemetry";
        await device.PublishAsync(plough, Json(new PloughTelemetry(Plough, t0, 64.4900, 11.9300, 35.0, 80.0, PloughDown: true, Spreading.Sand, 0.9)), ct);
        await device.PublishAsync(plough, Json(new PloughTelemetry(Plough, t0.AddSeconds(1), 64.4902, 11.9307, 55.0, 80.0, PloughDown: false, Spreading.None, 0.9)), ct);
        await device.PublishAsync(plough, Json(new PloughTelemetry(Plough, t0.AddSeconds(2), 64.4904, 11.9314, 30.0, 80.0, PloughDown: true, Spreading.Salt, 1.1)), ct);

        // Cut short mid-value: ingestion stores it as a reject (json-malformed).
        await device.PublishAsync($"{light}/telemetry", $"{{\"deviceId\":\"{Light}\",\"dimLevel\":", ct);
    }

    private static string Json<T>(T message)
        where T : IDeviceMessage =>
        JsonSerializer.Serialize(message, typeof(T), ContractJsonContext.Default);
}
