using System.Text;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>Problems of the topic and of the payload as a whole (before any field).</summary>
public sealed class MessageValidatorEnvelopeTests
{
    [Theory]
    [InlineData("smartcity/v1/overhalla/streetlight/a b/telemetry")]
    [InlineData("smartcity/v1/overhalla/lamp/sl-0042/telemetry")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-0042")]
    [InlineData("")]
    public void Validate_InvalidTopic_ReportsTopicInvalidWithTheParserReason(string topic)
    {
        // Given
        DeviceTopic.TryParse(topic, out _, out var parserError);

        // When
        var result = Samples.Validator().Validate(topic, Samples.StreetlightTelemetry());

        // Then
        var problem = Samples.Single(result);
        Assert.Equal(new ValidationProblem("$topic", RejectReasons.TopicInvalid, parserError!), problem);
        Assert.Null(result.Topic);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Validate_NullTopic_ReportsTopicInvalid()
    {
        var result = Samples.Validator().Validate(null!, Samples.StreetlightTelemetry());

        Assert.Equal(RejectReasons.TopicInvalid, Samples.Single(result).Code);
    }

    [Fact]
    public void Validate_CmdTopic_ReportsMessageTypeNotIngested()
    {
        // When: someone publishes a command where ingestion listens
        var result = Samples.Validator().Validate(
            "smartcity/v1/overhalla/streetlight/sl-0042/cmd",
            """{"type":"setDim","cmdId":"c1","ts":"2026-01-15T17:00:00Z","level":50,"reason":"override"}""");

        // Then
        var problem = Samples.Single(result);
        Assert.Equal("$topic", problem.Field);
        Assert.Equal(RejectReasons.MessageTypeNotIngested, problem.Code);
        Assert.Equal(MessageType.Cmd, result.Topic?.Message);
    }

    [Theory]
    [InlineData("watermeter")]
    [InlineData("plough")]
    public void Validate_AckFromKindThatTakesNoCommands_ReportsMessageTypeNotIngested(string kind)
    {
        var payload = Samples.Ack();
        payload["deviceId"] = "dev-1";

        var result = Samples.Validator().Validate($"smartcity/v1/overhalla/{kind}/dev-1/ack", payload);

        Assert.Equal(RejectReasons.MessageTypeNotIngested, Samples.Single(result).Code);
    }

    [Fact]
    public void Validate_InvalidTopicAndMalformedPayload_ReportsBoth()
    {
        var result = Samples.Validator().Validate("smartcity/v1/overhalla/streetlight/+/telemetry", "{\"deviceId\":");

        Assert.Equal(
            [("$topic", RejectReasons.TopicInvalid), ("$payload", RejectReasons.JsonMalformed)],
            result.Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Validate_EmptyPayload_ReportsPayloadEmpty()
    {
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, Array.Empty<byte>());

        Assert.Equal(new ValidationProblem("$payload", RejectReasons.PayloadEmpty, "payload is empty"), Samples.Single(result));
    }

    [Fact]
    public void Validate_PayloadOneByteOverTheLimit_ReportsPayloadTooLarge()
    {
        // Given: a valid message padded with whitespace to the limit, then one byte more
        var options = new Contracts.Validation.ValidationOptions { MaxPayloadBytes = 1024 };
        var json = Samples.StreetlightTelemetry().ToJsonString();
        var atLimit = json + new string(' ', options.MaxPayloadBytes - json.Length);

        // When
        var accepted = Samples.Validator(options: options).Validate(Samples.StreetlightTelemetryTopic, atLimit);
        var refused = Samples.Validator(options: options).Validate(Samples.StreetlightTelemetryTopic, atLimit + " ");

        // Then
        Assert.True(accepted.IsValid, accepted.ToString());
        var problem = Samples.Single(refused);
        Assert.Equal(RejectReasons.PayloadTooLarge, problem.Code);
        Assert.Contains("1024 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0xFF, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0xC3, 0x28, 0x7D })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xE2, 0x82 })]
    public void Validate_InvalidUtf8_ReportsEncodingInvalid(byte[] payload)
    {
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload);

        Assert.Equal(new ValidationProblem("$payload", RejectReasons.EncodingInvalid, "payload is not valid UTF-8"), Samples.Single(result));
    }

    [Fact]
    public void Validate_Utf16Payload_ReportsEncodingInvalidOrMalformed()
    {
        // Given: a device that sends UTF-16 (a classic firmware mistake)
        var payload = Encoding.Unicode.GetBytes(Samples.StreetlightTelemetry().ToJsonString());

        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload);

        // Then: the NUL bytes are valid UTF-8 but not JSON
        Assert.Equal(RejectReasons.JsonMalformed, Samples.Single(result).Code);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"deviceId\":}")]
    [InlineData("{'deviceId':'sl-0042'}")]
    [InlineData("{\"deviceId\":\"sl-0042\",}")]
    [InlineData("{\"deviceId\":\"sl-0042\" /* comment */}")]
    [InlineData("{\"powerW\":NaN}")]
    [InlineData("{\"powerW\":Infinity}")]
    [InlineData("{} {}")]
    [InlineData("   ")]
    [InlineData("{\"deviceId\":\"sl-0042\"\n,\"ts\":2026-01-15}")]
    public void Validate_MalformedJson_ReportsJsonMalformedWithPosition(string payload)
    {
        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload));

        Assert.Equal("$payload", problem.Field);
        Assert.Equal(RejectReasons.JsonMalformed, problem.Code);
        Assert.StartsWith("payload is not well-formed JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedJsonOnSecondLine_SaysWhichLine()
    {
        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, "{\"deviceId\":\"sl-0042\",\n\"ts\": x}"));

        Assert.Equal("payload is not well-formed JSON (line 2, byte 7)", problem.Message);
    }

    [Fact]
    public void Validate_ByteOrderMark_ReportsJsonMalformedAndSaysWhy()
    {
        var payload = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Samples.StreetlightTelemetry().ToJsonString())).ToArray();

        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload));

        Assert.Equal(RejectReasons.JsonMalformed, problem.Code);
        Assert.Contains("byte order mark", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("42", "a number")]
    [InlineData("\"sl-0042\"", "a string")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    public void Validate_RootNotAnObject_ReportsFieldTypeOfPayload(string payload, string described)
    {
        var problem = Samples.Single(Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload));

        Assert.Equal(new ValidationProblem("$payload", RejectReasons.FieldType, $"payload must be a JSON object, not {described}"), problem);
    }

    [Fact]
    public void Validate_NestingAtTheLimit_IsAcceptedAndOneDeeperIsRefused()
    {
        // Given: the root object is level 1, so an extra field can nest MaxDepth - 1 more levels
        var options = new Contracts.Validation.ValidationOptions();
        var json = Samples.StreetlightTelemetry().ToJsonString();
        string Nested(int levels) => json[..^1] + ",\"x\":" + string.Concat(Enumerable.Repeat("[", levels)) + string.Concat(Enumerable.Repeat("]", levels)) + "}";

        // When
        var atLimit = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, Nested(options.MaxDepth - 1));
        var tooDeep = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, Nested(options.MaxDepth));

        // Then
        Assert.True(atLimit.IsValid, atLimit.ToString());
        Assert.Equal(
            new ValidationProblem("$payload", RejectReasons.JsonTooDeep, $"payload nests objects or arrays deeper than {options.MaxDepth} levels"),
            Samples.Single(tooDeep));
    }
}
