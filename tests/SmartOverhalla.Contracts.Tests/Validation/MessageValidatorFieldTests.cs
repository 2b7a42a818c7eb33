using System.Text.Json.Nodes;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Contracts.Catalog;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>Problems of single fields: missing, wrong JSON type, out of range, unknown value, wrong device.</summary>
public sealed class MessageValidatorFieldTests
{
    public static TheoryData<string, string> RequiredFieldsOfIngestedMessages()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in MessageCatalog.All.Where(s => s != MessageCatalog.SetDimCommand))
        {
            foreach (var field in spec.Fields.SelectMany(f => f.Fields.IsEmpty ? [f] : f.Fields.Prepend(f)))
            {
                if (field.Required)
                {
                    data.Add(spec.SchemaName, field.Path);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredFieldsOfIngestedMessages))]
    public void Validate_RequiredFieldMissing_ReportsFieldMissing(string schemaName, string path)
    {
        // Given
        var (topic, payload) = Samples.For(schemaName);
        Remove(payload, path);

        // When
        var result = Samples.Validator().Validate(topic, payload);

        // Then
        Assert.Equal(new ValidationProblem(path, RejectReasons.FieldMissing, $"{path} is required"), Samples.Single(result));
    }

    [Theory]
    [InlineData("dimLevel", "\"40\"", "dimLevel must be an integer, not a string")]
    [InlineData("dimLevel", "50.5", "dimLevel must be an integer written without fraction or exponent, e.g. 50")]
    [InlineData("dimLevel", "50.0", "dimLevel must be an integer written without fraction or exponent, e.g. 50")]
    [InlineData("dimLevel", "5e1", "dimLevel must be an integer written without fraction or exponent, e.g. 50")]
    [InlineData("dimLevel", "true", "dimLevel must be an integer, not a boolean")]
    [InlineData("powerW", "\"23.6\"", "powerW must be a number, not a string")]
    [InlineData("powerW", "[23.6]", "powerW must be a number, not an array")]
    [InlineData("powerW", "null", "powerW must be a number, not null")]
    [InlineData("lampOn", "\"true\"", "lampOn must be a boolean, not a string")]
    [InlineData("lampOn", "1", "lampOn must be a boolean, not a number")]
    [InlineData("ts", "1768496400", "ts must be an RFC 3339 date-time string, not a number")]
    [InlineData("deviceId", "42", "deviceId must be a string, not a number")]
    [InlineData("deviceId", "{}", "deviceId must be a string, not an object")]
    public void Validate_WrongJsonType_ReportsFieldType(string field, string rawValue, string expectedMessage)
    {
        // Given
        var json = Samples.WithRaw(Samples.StreetlightTelemetry(), field, rawValue);

        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, json);

        // Then
        Assert.Equal(new ValidationProblem(field, RejectReasons.FieldType, expectedMessage), Samples.Single(result));
    }

    [Fact]
    public void Validate_AlarmsNotAnObject_ReportsFieldType()
    {
        var json = Samples.WithRaw(Samples.WatermeterTelemetry(), "alarms", "[true,false]");

        var problem = Samples.Single(Samples.Validator().Validate(Samples.WatermeterTelemetryTopic, json));

        Assert.Equal(new ValidationProblem("alarms", RejectReasons.FieldType, "alarms must be an object, not an array"), problem);
    }

    [Fact]
    public void Validate_NestedAlarmWrongType_ReportsItsFullPath()
    {
        var payload = Samples.WatermeterTelemetry();
        payload["alarms"]!["tamper"] = "no";

        var problem = Samples.Single(Samples.Validator().Validate(Samples.WatermeterTelemetryTopic, payload));

        Assert.Equal(new ValidationProblem("alarms.tamper", RejectReasons.FieldType, "alarms.tamper must be a boolean, not a string"), problem);
    }

    [Theory]
    [InlineData("2026-01-15T17:00:00")]
    [InlineData("2026-01-15 17:00:00Z")]
    [InlineData("15.01.2026 17:00")]
    [InlineData("2026-02-30T17:00:00Z")]
    [InlineData("")]
    public void Validate_TsNotRfc3339WithOffset_ReportsFieldType(string ts)
    {
        var payload = Samples.StreetlightTelemetry();
        payload["ts"] = ts;

        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload));

        Assert.Equal(
            new ValidationProblem("ts", RejectReasons.FieldType, "ts must be an RFC 3339 date-time with an offset, e.g. 2026-01-15T17:00:00Z"),
            problem);
    }

    [Theory]
    [InlineData("StreetlightTelemetry", "dimLevel", "-1", false)]
    [InlineData("StreetlightTelemetry", "dimLevel", "0", true)]
    [InlineData("StreetlightTelemetry", "dimLevel", "100", true)]
    [InlineData("StreetlightTelemetry", "dimLevel", "101", false)]
    [InlineData("StreetlightTelemetry", "powerW", "-0.1", false)]
    [InlineData("StreetlightTelemetry", "powerW", "2000", true)]
    [InlineData("StreetlightTelemetry", "powerW", "2000.01", false)]
    [InlineData("StreetlightTelemetry", "energyKWh", "-1", false)]
    [InlineData("StreetlightTelemetry", "energyKWh", "1000000.5", false)]
    [InlineData("WatermeterTelemetry", "volumeL", "-0.5", false)]
    [InlineData("WatermeterTelemetry", "volumeL", "1e10", true)]
    [InlineData("WatermeterTelemetry", "volumeL", "1.00001e10", false)]
    [InlineData("WatermeterTelemetry", "flowLph", "-1", false)]
    [InlineData("WatermeterTelemetry", "flowLph", "1000001", false)]
    [InlineData("WatermeterTelemetry", "waterTempC", "-5", true)]
    [InlineData("WatermeterTelemetry", "waterTempC", "-5.1", false)]
    [InlineData("WatermeterTelemetry", "waterTempC", "60", true)]
    [InlineData("WatermeterTelemetry", "waterTempC", "60.1", false)]
    [InlineData("WatermeterTelemetry", "batteryPct", "-1", false)]
    [InlineData("WatermeterTelemetry", "batteryPct", "101", false)]
    [InlineData("PloughTelemetry", "lat", "-90", true)]
    [InlineData("PloughTelemetry", "lat", "90.0001", false)]
    [InlineData("PloughTelemetry", "lat", "-90.0001", false)]
    [InlineData("PloughTelemetry", "lon", "180", true)]
    [InlineData("PloughTelemetry", "lon", "180.5", false)]
    [InlineData("PloughTelemetry", "lon", "-181", false)]
    [InlineData("PloughTelemetry", "speedKmh", "-0.1", false)]
    [InlineData("PloughTelemetry", "speedKmh", "200.1", false)]
    [InlineData("PloughTelemetry", "headingDeg", "0", true)]
    [InlineData("PloughTelemetry", "headingDeg", "359.999", true)]
    [InlineData("PloughTelemetry", "headingDeg", "360", false)]
    [InlineData("PloughTelemetry", "headingDeg", "-0.1", false)]
    [InlineData("PloughTelemetry", "hdop", "-1", false)]
    [InlineData("PloughTelemetry", "hdop", "100.1", false)]
    [InlineData("CommandAck", "appliedLevel", "101", false)]
    [InlineData("CommandAck", "appliedLevel", "-1", false)]
    public void Validate_NumberAtOrBeyondItsBounds_IsAcceptedOrReportsFieldRange(string schemaName, string field, string rawValue, bool accepted)
    {
        // Given
        var (topic, payload) = Samples.For(schemaName);
        var json = Samples.WithRaw(payload, field, rawValue);

        // When
        var result = Samples.Validator().Validate(topic, json);

        // Then
        if (accepted)
        {
            Assert.True(result.IsValid, result.ToString());
        }
        else
        {
            var problem = Samples.Single(result);
            Assert.Equal((field, RejectReasons.FieldRange), (problem.Field, problem.Code));
            Assert.StartsWith($"{field} is out of range; it must be ", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_HeadingOf360_SaysTheBoundIsExclusive()
    {
        var json = Samples.WithRaw(Samples.PloughTelemetry(), "headingDeg", "360");

        var problem = Samples.Single(Samples.Validator().Validate(Samples.PloughTelemetryTopic, json));

        Assert.Equal("headingDeg is out of range; it must be at least 0 and below 360", problem.Message);
    }

    [Theory]
    [InlineData("powerW", "1e400")]
    [InlineData("powerW", "-1e400")]
    [InlineData("energyKWh", "1e99999")]
    [InlineData("dimLevel", "1e400")]
    [InlineData("dimLevel", "1e30")]
    [InlineData("dimLevel", "99999999999999999999")]
    [InlineData("dimLevel", "-99999999999999999999")]
    public void Validate_HugeNumber_ReportsFieldRangeClearly(string field, string rawValue)
    {
        var json = Samples.WithRaw(Samples.StreetlightTelemetry(), field, rawValue);

        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, json));

        Assert.Equal((field, RejectReasons.FieldRange), (problem.Field, problem.Code));
        Assert.Contains("too large in magnitude", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PloughTelemetry", "spreading", "gravel", "spreading must be one of none, salt, sand")]
    [InlineData("PloughTelemetry", "spreading", "Salt", "spreading must be one of none, salt, sand")]
    [InlineData("PloughTelemetry", "spreading", "", "spreading must be one of none, salt, sand")]
    [InlineData("DeviceStatus", "state", "unknown", "state must be one of online, offline")]
    [InlineData("CommandAck", "result", "done", "result must be one of applied, rejected")]
    [InlineData("StreetlightEvent", "type", "leak", "type must be one of driverFault, lampFailure, powerLoss, recovered")]
    [InlineData("WatermeterEvent", "type", "lampFailure", "type must be one of backflow, burst, dry, leak, lowBattery, recovered, tamper")]
    [InlineData("PloughEvent", "type", "recovered", "type must be one of ploughDown, ploughUp, shiftEnded, shiftStarted, spreadingStarted, spreadingStopped")]
    public void Validate_UnknownEnumValue_ReportsFieldUnknownValue(string schemaName, string field, string value, string expectedMessage)
    {
        var (topic, payload) = Samples.For(schemaName);
        payload[field] = value;

        var problem = Samples.Single(Samples.Validator().Validate(topic, payload));

        Assert.Equal(new ValidationProblem(field, RejectReasons.FieldUnknownValue, expectedMessage), problem);
    }

    [Theory]
    [InlineData("sl-0043")]
    [InlineData("SL-0042")]
    [InlineData("sl-0042 ")]
    [InlineData("")]
    public void Validate_DeviceIdDiffersFromTopic_ReportsDeviceMismatch(string deviceId)
    {
        var payload = Samples.StreetlightTelemetry();
        payload["deviceId"] = deviceId;

        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload));

        Assert.Equal(
            new ValidationProblem("deviceId", RejectReasons.DeviceMismatch, "deviceId differs from the deviceId in the topic; a device may only publish as itself"),
            problem);
    }

    [Theory]
    [InlineData("CommandAck", "cmdId", 0, false)]
    [InlineData("CommandAck", "cmdId", 128, true)]
    [InlineData("CommandAck", "cmdId", 129, false)]
    [InlineData("CommandAck", "reason", 500, true)]
    [InlineData("CommandAck", "reason", 501, false)]
    [InlineData("StreetlightEvent", "detail", 0, true)]
    [InlineData("StreetlightEvent", "detail", 501, false)]
    public void Validate_TextLength_IsAcceptedOrReportsFieldRange(string schemaName, string field, int length, bool accepted)
    {
        var (topic, payload) = Samples.For(schemaName);
        payload[field] = new string('x', length);

        var result = Samples.Validator().Validate(topic, payload);

        Assert.Equal(accepted, result.IsValid);
        if (!accepted)
        {
            Assert.Equal((field, RejectReasons.FieldRange), (Samples.Single(result).Field, Samples.Single(result).Code));
        }
    }

    [Fact]
    public void Validate_DuplicateField_ReportsJsonMalformedForThatField()
    {
        // Given: which of two values counts depends on the reader, so neither is trusted
        var json = Samples.StreetlightTelemetry().ToJsonString()[..^1] + ",\"dimLevel\":100}";

        // When
        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, json));

        // Then
        Assert.Equal(new ValidationProblem("dimLevel", RejectReasons.JsonMalformed, "dimLevel appears more than once"), problem);
    }

    [Fact]
    public void Validate_EscapedLoneSurrogate_ReportsEncodingInvalidInsteadOfThrowing()
    {
        // Given: "\uD800" is valid JSON syntax but no Unicode character
        var inValue = Samples.WithRaw(Samples.Event("sl-0042", "driverFault"), "detail", "\"\\uD800\"");
        var inName = Samples.Event("sl-0042", "driverFault").ToJsonString()[..^1] + ",\"\\uDC00\":1}";
        const string Topic = "smartcity/v1/overhalla/streetlight/sl-0042/event";

        // When
        var valueProblem = Samples.Single(Samples.Validator().Validate(Topic, inValue));
        var nameProblem = Samples.Single(Samples.Validator().Validate(Topic, inName));

        // Then
        Assert.Equal(("detail", RejectReasons.EncodingInvalid), (valueProblem.Field, valueProblem.Code));
        Assert.Equal(("$payload", RejectReasons.EncodingInvalid), (nameProblem.Field, nameProblem.Code));
    }

    private static void Remove(JsonObject payload, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            Assert.True(payload.Remove(path));
        }
        else
        {
            Assert.True(payload[path[..dot]]!.AsObject().Remove(path[(dot + 1)..]));
        }
    }
}
