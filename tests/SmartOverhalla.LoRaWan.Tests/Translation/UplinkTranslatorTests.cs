using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.LoRaWan.Tests.Mapping;
using SmartOverhalla.LoRaWan.Translation;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Tests.Translation;

/// <summary>
/// Documented uplinks (ChirpStack v4 integration.proto UplinkEvent.object; TTS "Data Formats"
/// uplink_message.decoded_payload) through the shipped mapping into contract telemetry, which the contract's own
/// validator then checks on the device's platform topic.
/// </summary>
public sealed class UplinkTranslatorTests
{
    private const string WaterTopic = "smartcity/v1/overhalla/watermeter/wm-0001/telemetry";
    private const string LightTopic = "smartcity/v1/overhalla/streetlight/sl-0042/telemetry";

    private static readonly UplinkMapping Shipped = UplinkMappingLoader.Load(Fixture.PathOf("uplink-mapping.yaml"));

    private static UplinkProfile Profile(string name) => Shipped.Profiles.Single(profile => profile.Name == name);

    private static TranslatedUplink Translate(NetworkUplink uplink, UplinkProfile profile)
    {
        var ok = UplinkTranslator.TryTranslate(uplink, profile, out var translated, out var problem);
        Assert.True(ok, problem?.ToString());
        return translated!;
    }

    private static ValidationProblem Refuse(NetworkUplink uplink, UplinkProfile profile)
    {
        var ok = UplinkTranslator.TryTranslate(uplink, profile, out var translated, out var problem);
        Assert.False(ok);
        Assert.Null(translated);
        return problem!;
    }

    /// <summary>The contract validator on a clock just after the uplink, so ts checks pass for the right reason.</summary>
    private static MessageValidationResult Validate(string topic, TranslatedUplink translated) =>
        new MessageValidator(new ValidationOptions(), new FakeTimeProvider(translated.Timestamp.AddMinutes(1)))
            .Validate(topic, new ReadOnlySequence<byte>(translated.Payload));

    private static NetworkUplink WithDecoded(string topic, string fixture, Action<JsonObject> edit)
    {
        var json = Fixture.Json(fixture);
        var decoded = (json["object"] ?? json["uplink_message"]!["decoded_payload"])!.AsObject();
        edit(decoded);
        return Fixture.Uplink(topic, json);
    }

    [Fact]
    public void TryTranslate_NumbersSentAsText_AreNumbers()
    {
        // Given a codec that formats with toFixed(): the volume arrives as text
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["volume_m3"] = "123.456");

        // When translated
        var json = JsonNode.Parse(Translate(uplink, Profile("so-water-lora")).Payload)!.AsObject();

        // Then it is the number in litres
        Assert.Equal(123_456, json["volumeL"]!.GetValue<double>(), 6);
    }

    [Fact]
    public void TryTranslate_ChirpStackWaterMeter_IsValidContractTelemetry()
    {
        // Given ChirpStack's documented water-meter uplink (no low_battery flag in its alarms) and the shipped profile
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json");

        // When translated
        var translated = Translate(uplink, Profile("so-water-lora"));

        // Then the contract validator accepts it on the meter's platform topic, with the units converted
        var result = Validate(WaterTopic, translated);
        Assert.True(result.IsValid, result.ToString());
        var telemetry = Assert.IsType<WatermeterTelemetry>(result.Message);
        Assert.Equal("wm-0001", telemetry.DeviceId);
        Assert.Equal(uplink.ReceivedAt, telemetry.Ts);
        Assert.Equal(123_456, telemetry.VolumeL, 6);   // 123.456 m³ × 1000
        Assert.Equal(12, telemetry.FlowLph, 9);        // 0.012 m³/h × 1000
        Assert.Equal(8.5, telemetry.WaterTempC);
        Assert.Equal(97, telemetry.BatteryPct);
        Assert.Equal(new WatermeterAlarms(Leak: true, Burst: false, Backflow: false, Dry: false, Tamper: false, LowBattery: false), telemetry.Alarms);
    }

    [Fact]
    public void TryTranslate_ChirpStackWaterMeter_IsExactlyTheContractShape()
    {
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json");

        var json = JsonNode.Parse(Translate(uplink, Profile("so-water-lora")).Payload)!.AsObject();

        // ts first (ChirpStack's earliest nsTime), in RFC 3339 UTC; no deviceId (the topic names the device); alarms as one nested object
        Assert.Equal(["ts", "volumeL", "flowLph", "waterTempC", "batteryPct", "alarms"], json.Select(p => p.Key));
        Assert.Equal("2026-12-07T10:15:02.140812Z", json["ts"]!.GetValue<string>());
        Assert.Equal(["leak", "burst", "backflow", "dry", "tamper", "lowBattery"], json["alarms"]!.AsObject().Select(p => p.Key));
        Assert.Equal(JsonValueKind.Number, json["batteryPct"]!.GetValueKind());
        Assert.Equal("97", json["batteryPct"]!.ToJsonString());
        Assert.Equal(JsonValueKind.False, json["alarms"]!["lowBattery"]!.GetValueKind());
    }

    [Fact]
    public void TryTranslate_TtsWaterMeter_IsValidContractTelemetry()
    {
        var uplink = Fixture.Uplink(Fixture.TtsWaterTopic, "tts-up-water.json");

        var translated = Translate(uplink, Profile("so-water-lora-tts"));

        var result = Validate(WaterTopic, translated);
        Assert.True(result.IsValid, result.ToString());
        var telemetry = Assert.IsType<WatermeterTelemetry>(result.Message);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 15, 2, TimeSpan.Zero).AddTicks(2_001_419), telemetry.Ts);
        Assert.Equal(123_456, telemetry.VolumeL, 6);
        Assert.False(telemetry.Alarms.Leak);
    }

    [Theory]
    [InlineData(Fixture.ChirpStackLightTopic, "chirpstack-up-light.json", "so-light-lora")]
    [InlineData(Fixture.TtsLightTopic, "tts-up-light.json", "so-light-lora-tts")]
    public void TryTranslate_StreetLight_IsValidContractTelemetryInKWh(string topic, string fixture, string profile)
    {
        // Given a documented light uplink: dim 70, 38.5 W, 125400 Wh, lamp on
        var uplink = Fixture.Uplink(topic, fixture);

        // When translated and validated
        var translated = Translate(uplink, Profile(profile));
        var result = Validate(LightTopic, translated);

        // Then the energy is in kWh (Wh × 0.001)
        Assert.True(result.IsValid, result.ToString());
        var telemetry = Assert.IsType<StreetlightTelemetry>(result.Message);
        Assert.Equal(70, telemetry.DimLevel);
        Assert.Equal(38.5, telemetry.PowerW);
        Assert.Equal(125.4, telemetry.EnergyKWh, 9);
        Assert.True(telemetry.LampOn);
        Assert.Equal(uplink.ReceivedAt, telemetry.Ts);
    }

    [Fact]
    public void TryTranslate_AllAlarmsAbsent_DefaultToFalse()
    {
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded.Remove("alarms"));

        var result = Validate(WaterTopic, Translate(uplink, Profile("so-water-lora")));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new WatermeterAlarms(false, false, false, false, false, false), ((WatermeterTelemetry)result.Message!).Alarms);
    }

    [Fact]
    public void TryTranslate_AlarmNull_DefaultsToFalse()
    {
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["alarms"]!["leak"] = null);

        var result = Validate(WaterTopic, Translate(uplink, Profile("so-water-lora")));

        Assert.False(((WatermeterTelemetry)result.Message!).Alarms.Leak);
    }

    [Fact]
    public void TryTranslate_AlarmsAsZeroOrOne_AreBooleans()
    {
        // Given a codec that reports flags as 0/1
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded =>
        {
            decoded["alarms"]!["leak"] = 1;
            decoded["alarms"]!["burst"] = 0;
        });

        var result = Validate(WaterTopic, Translate(uplink, Profile("so-water-lora")));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal((true, false), (((WatermeterTelemetry)result.Message!).Alarms.Leak, ((WatermeterTelemetry)result.Message!).Alarms.Burst));
    }

    [Fact]
    public void TryTranslate_ChirpStackFlagsAsFloats_AreBooleans()
    {
        // Given a codec's 0/1 flags as ChirpStack v4 writes them: 'object' is a protobuf Struct, its numbers doubles,
        // serialised as 1.0 and 0.0 (chirpstack/chirpstack issue #77); they were refused as field-invalid
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded =>
        {
            decoded["alarms"]!["leak"] = JsonNode.Parse("1.0");
            decoded["alarms"]!["burst"] = JsonNode.Parse("0.0");
        });

        var result = Validate(WaterTopic, Translate(uplink, Profile("so-water-lora")));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal((true, false), (((WatermeterTelemetry)result.Message!).Alarms.Leak, ((WatermeterTelemetry)result.Message!).Alarms.Burst));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("1.0000001")]
    [InlineData("\"true\"")]
    public void TryTranslate_BooleanFromOtherValue_IsFieldInvalid(string value)
    {
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["alarms"]!["leak"] = JsonNode.Parse(value));

        var problem = Refuse(uplink, Profile("so-water-lora"));

        Assert.Equal(LoRaWanReasons.FieldInvalid, problem.Code);
        Assert.Equal("alarms.leak", problem.Field);
    }

    [Fact]
    public void TryTranslate_NoDecodedPayload_IsNotDecoded()
    {
        // Given ChirpStack uplinks of a device profile without codec
        var json = Fixture.Json("chirpstack-up-water.json");
        json.Remove("object");
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, json);

        var problem = Refuse(uplink, Profile("so-water-lora"));

        Assert.Equal(LoRaWanReasons.NotDecoded, problem.Code);
        Assert.Equal("object", problem.Field);
        Assert.Contains("so-water-lora", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryTranslate_TtsNoDecodedPayload_NamesTtsField()
    {
        var json = Fixture.Json("tts-up-water.json");
        json["uplink_message"]!.AsObject().Remove("decoded_payload");

        var problem = Refuse(Fixture.Uplink(Fixture.TtsWaterTopic, json), Profile("so-water-lora-tts"));

        Assert.Equal((LoRaWanReasons.NotDecoded, "uplink_message.decoded_payload"), (problem.Code, problem.Field));
    }

    [Fact]
    public void TryTranslate_MappedFieldMissing_NamesDecodedAndContractField()
    {
        // Given an uplink whose codec left out the temperature
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded.Remove("temperature"));

        var problem = Refuse(uplink, Profile("so-water-lora"));

        Assert.Equal(LoRaWanReasons.FieldMissing, problem.Code);
        Assert.Equal("temperature", problem.Field);
        Assert.Contains("'temperature'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("waterTempC", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"warm\"", "text")]
    [InlineData("{\"c\":8.5}", "an object")]
    [InlineData("[8.5]", "an array")]
    [InlineData("true", "a boolean")]
    public void TryTranslate_NumberOfWrongType_IsFieldInvalid(string value, string described)
    {
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["temperature"] = JsonNode.Parse(value));

        var problem = Refuse(uplink, Profile("so-water-lora"));

        Assert.Equal(LoRaWanReasons.FieldInvalid, problem.Code);
        Assert.Equal("temperature", problem.Field);
        Assert.Contains(described, problem.Message, StringComparison.Ordinal);
        Assert.Contains("waterTempC", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryTranslate_ScaledToInfinity_IsFieldInvalid()
    {
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["volume_m3"] = JsonNode.Parse("1e308"));

        var problem = Refuse(uplink, Profile("so-water-lora"));

        Assert.Equal((LoRaWanReasons.FieldInvalid, "volume_m3"), (problem.Code, problem.Field));
    }

    [Theory]
    [InlineData(70.4, 70)]
    [InlineData(70.5, 71)]
    [InlineData(69.5, 70)]
    [InlineData(70.0, 70)]
    public void TryTranslate_IntegerFieldFromFraction_RoundsHalfAwayFromZero(double dim, int expected)
    {
        var uplink = WithDecoded(Fixture.ChirpStackLightTopic, "chirpstack-up-light.json", decoded => decoded["dim"] = dim);

        var json = JsonNode.Parse(Translate(uplink, Profile("so-light-lora")).Payload)!;

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), json["dimLevel"]!.ToJsonString());
    }

    [Fact]
    public void TryTranslate_ScaledIntegerField_IsRounded()
    {
        // Given a light reporting its level as a fraction 0–1, mapped with scale 100
        var fields = MappingYaml.LightFields.Replace("{ from: dim }", "{ from: dim, scale: 100 }", StringComparison.Ordinal);
        var profile = UplinkMappingLoader.Parse(MappingYaml.Light(fields)).Profiles[0];
        var uplink = WithDecoded(Fixture.ChirpStackLightTopic, "chirpstack-up-light.json", decoded => decoded["dim"] = 0.567);

        var json = JsonNode.Parse(Translate(uplink, profile).Payload)!;

        Assert.Equal("57", json["dimLevel"]!.ToJsonString());
    }

    [Fact]
    public void TryTranslate_Offset_IsAddedAfterScale()
    {
        // Given a sensor reporting tenths of a degree above -5 °C: °C = raw × 0.1 − 5
        var fields = MappingYaml.WaterFields.Replace("{ from: temperature }", "{ from: temperature, scale: 0.1, offset: -5 }", StringComparison.Ordinal);
        var profile = UplinkMappingLoader.Parse(MappingYaml.Water(fields)).Profiles[0];
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["temperature"] = 135);

        var result = Validate(WaterTopic, Translate(uplink, profile));

        Assert.Equal(8.5, ((WatermeterTelemetry)result.Message!).WaterTempC, 9);
    }

    [Fact]
    public void TryTranslate_Constants_AreWrittenAsGiven()
    {
        // Given a light that does not measure power or report the lamp: constants
        var fields = MappingYaml.LightFields
            .Replace("{ from: power_w }", "{ value: 42 }", StringComparison.Ordinal)
            .Replace("{ from: lamp_on, default: false }", "{ value: true }", StringComparison.Ordinal);
        var profile = UplinkMappingLoader.Parse(MappingYaml.Light(fields)).Profiles[0];
        var uplink = WithDecoded(Fixture.ChirpStackLightTopic, "chirpstack-up-light.json", decoded =>
        {
            decoded.Remove("power_w");
            decoded["lamp_on"] = false;
        });

        var result = Validate(LightTopic, Translate(uplink, profile));

        Assert.True(result.IsValid, result.ToString());
        var telemetry = (StreetlightTelemetry)result.Message!;
        Assert.Equal((42.0, true), (telemetry.PowerW, telemetry.LampOn));
    }

    [Fact]
    public void TryTranslate_NestedAndIndexedPaths_AreFollowed()
    {
        var fields = MappingYaml.WaterFields.Replace("{ from: temperature }", "{ from: sensors.1.celsius }", StringComparison.Ordinal);
        var profile = UplinkMappingLoader.Parse(MappingYaml.Water(fields)).Profiles[0];
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded =>
            decoded["sensors"] = JsonNode.Parse("""[{"celsius": 99}, {"celsius": 6.25}]"""));

        var result = Validate(WaterTopic, Translate(uplink, profile));

        Assert.Equal(6.25, ((WatermeterTelemetry)result.Message!).WaterTempC);
    }

    [Theory]
    [InlineData("\"2026-12-07T10:14:30Z\"", "2026-12-07T10:14:30Z")]
    [InlineData("\"2026-12-07T11:14:30.25+01:00\"", "2026-12-07T10:14:30.25Z")]
    [InlineData("1796638470", "2026-12-07T10:14:30Z")]
    [InlineData("1796638470.0", "2026-12-07T10:14:30Z")] // as ChirpStack writes a Struct number (issue #77); was refused
    public void TryTranslate_TsFromDecodedField_IsTheDevicesTime(string meterTime, string expected)
    {
        // Given a profile that takes ts from the payload, as RFC 3339 text or Unix seconds
        var profile = UplinkMappingLoader.Parse(MappingYaml.Water(extra: "    ts: { from: meter_time }")).Profiles[0];
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["meter_time"] = JsonNode.Parse(meterTime));

        // When translated
        var translated = Translate(uplink, profile);

        // Then ts is the device's time in UTC, not the reception time
        var expectedTime = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedTime, translated.Timestamp);
        Assert.Equal(expected, JsonNode.Parse(translated.Payload)!["ts"]!.GetValue<string>());
        Assert.True(Validate(WaterTopic, translated).IsValid);
    }

    [Fact]
    public void TryTranslate_TsFieldAbsent_FallsBackToReceptionTime()
    {
        var profile = UplinkMappingLoader.Parse(MappingYaml.Water(extra: "    ts: { from: meter_time }")).Profiles[0];
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json");

        Assert.Equal(uplink.ReceivedAt, Translate(uplink, profile).Timestamp);
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1796638470000000")]
    [InlineData("true")]
    public void TryTranslate_TsFieldUnreadable_IsFieldInvalid(string meterTime)
    {
        var profile = UplinkMappingLoader.Parse(MappingYaml.Water(extra: "    ts: { from: meter_time }")).Profiles[0];
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["meter_time"] = JsonNode.Parse(meterTime));

        var problem = Refuse(uplink, profile);

        Assert.Equal((LoRaWanReasons.FieldInvalid, "meter_time"), (problem.Code, problem.Field));
        Assert.Contains("ts", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryTranslate_ReceptionTimeWholeSecond_HasNoFraction()
    {
        var json = Fixture.Json("chirpstack-up-water.json");
        foreach (var gateway in json["rxInfo"]!.AsArray())
        {
            gateway!["nsTime"] = "2026-12-07T10:15:02Z";
        }

        var translated = Translate(Fixture.Uplink(Fixture.ChirpStackWaterTopic, json), Profile("so-water-lora"));

        Assert.Equal("2026-12-07T10:15:02Z", JsonNode.Parse(translated.Payload)!["ts"]!.GetValue<string>());
    }

    [Fact]
    public void TryTranslate_ValueOutOfContractRange_PassesButTheContractRejectsIt()
    {
        // Given a battery of 150 %: the translator maps values, it does not judge them
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["battery"] = 150);

        // When translated
        var translated = Translate(uplink, Profile("so-water-lora"));

        // Then the contract validator rejects it with its own reason, as for any device's message
        var result = Validate(WaterTopic, translated);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((RejectReasons.FieldRange, "batteryPct"), (problem.Code, problem.Field));
    }

    [Fact]
    public void TryTranslate_NegativeVolume_ContractRejectsWithFieldRange()
    {
        var uplink = WithDecoded(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json", decoded => decoded["volume_m3"] = -0.001);

        var result = Validate(WaterTopic, Translate(uplink, Profile("so-water-lora")));

        Assert.Equal(RejectReasons.FieldRange, result.ReasonCode);
    }
}
