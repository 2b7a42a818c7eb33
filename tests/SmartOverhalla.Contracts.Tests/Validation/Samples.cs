using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>Valid payloads of every contract message, to be broken one field at a time by the tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    public const string StreetlightTelemetryTopic = "smartcity/v1/overhalla/streetlight/sl-0042/telemetry";
    public const string WatermeterTelemetryTopic = "smartcity/v1/overhalla/watermeter/wm-1307/telemetry";
    public const string PloughTelemetryTopic = "smartcity/v1/overhalla/plough/pl-07/telemetry";

    public static string Ts => Now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static JsonObject StreetlightTelemetry() => new()
    {
        ["deviceId"] = "sl-0042",
        ["ts"] = Ts,
        ["dimLevel"] = 40,
        ["powerW"] = 23.6,
        ["energyKWh"] = 1532.75,
        ["lampOn"] = true,
    };

    public static JsonObject WatermeterTelemetry() => new()
    {
        ["deviceId"] = "wm-1307",
        ["ts"] = Ts,
        ["volumeL"] = 412733.5,
        ["flowLph"] = 14.2,
        ["waterTempC"] = 6.5,
        ["batteryPct"] = 87,
        ["alarms"] = new JsonObject
        {
            ["leak"] = true,
            ["burst"] = false,
            ["backflow"] = false,
            ["dry"] = false,
            ["tamper"] = false,
            ["lowBattery"] = false,
        },
    };

    public static JsonObject PloughTelemetry() => new()
    {
        ["deviceId"] = "pl-07",
        ["ts"] = Ts,
        ["lat"] = 64.4857,
        ["lon"] = 11.5319,
        ["speedKmh"] = 32.5,
        ["headingDeg"] = 274.0,
        ["ploughDown"] = true,
        ["spreading"] = "salt",
        ["hdop"] = 0.9,
    };

    public static JsonObject Event(string deviceId, string type) => new()
    {
        ["deviceId"] = deviceId,
        ["ts"] = Ts,
        ["type"] = type,
    };

    public static JsonObject Status(string deviceId, string state) => new()
    {
        ["deviceId"] = deviceId,
        ["ts"] = Ts,
        ["state"] = state,
    };

    public static JsonObject Ack() => new()
    {
        ["deviceId"] = "sl-0042",
        ["ts"] = Ts,
        ["cmdId"] = "6f1c2a9e-5b7d-4c1e-9a3f-2d8e4b6c0a17",
        ["result"] = "applied",
        ["appliedLevel"] = 100,
    };

    /// <summary>The schema names (MessageCatalog) of the messages the validator ingests, with a topic and a valid payload.</summary>
    public static (string Topic, JsonObject Payload) For(string schemaName) => schemaName switch
    {
        "StreetlightTelemetry" => (StreetlightTelemetryTopic, StreetlightTelemetry()),
        "WatermeterTelemetry" => (WatermeterTelemetryTopic, WatermeterTelemetry()),
        "PloughTelemetry" => (PloughTelemetryTopic, PloughTelemetry()),
        "StreetlightEvent" => ("smartcity/v1/overhalla/streetlight/sl-0042/event", Event("sl-0042", "lampFailure")),
        "WatermeterEvent" => ("smartcity/v1/overhalla/watermeter/wm-1307/event", Event("wm-1307", "leak")),
        "PloughEvent" => ("smartcity/v1/overhalla/plough/pl-07/event", Event("pl-07", "ploughDown")),
        "DeviceStatus" => ("smartcity/v1/overhalla/plough/pl-07/status", Status("pl-07", "online")),
        "CommandAck" => ("smartcity/v1/overhalla/streetlight/sl-0042/ack", Ack()),
        _ => throw new ArgumentOutOfRangeException(nameof(schemaName), schemaName, "No sample for this message."),
    };

    public static FakeTimeProvider Clock() => new(Now);

    public static MessageValidator Validator(TimeProvider? clock = null, ValidationOptions? options = null) =>
        new(options ?? new ValidationOptions(), clock ?? Clock());

    public static MessageValidationResult Validate(this MessageValidator validator, string topic, JsonObject payload) =>
        validator.Validate(topic, payload.ToJsonString());

    public static MessageValidationResult Validate(this MessageValidator validator, string topic, string payload) =>
        validator.Validate(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)));

    public static MessageValidationResult Validate(this MessageValidator validator, string topic, byte[] payload) =>
        validator.Validate(topic, new ReadOnlySequence<byte>(payload));

    /// <summary>The payload with one field's value replaced by raw JSON text (for literals JsonNode cannot hold, like 1e400).</summary>
    public static string WithRaw(JsonObject payload, string field, string rawJson)
    {
        const string Marker = "\"__raw_marker__\"";
        payload[field] = "__raw_marker__";
        return payload.ToJsonString().Replace(Marker, rawJson, StringComparison.Ordinal);
    }

    public static ValidationProblem Single(MessageValidationResult result)
    {
        Assert.False(result.IsValid, "expected a problem, but the message was valid");
        return Assert.Single(result.Problems);
    }
}
