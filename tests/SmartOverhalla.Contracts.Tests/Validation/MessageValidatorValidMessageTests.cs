using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Contracts.Catalog;

namespace SmartOverhalla.Contracts.Tests.Validation;

public sealed class MessageValidatorValidMessageTests
{
    [Fact]
    public void Validate_ValidStreetlightTelemetry_ReturnsTheRecord()
    {
        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, Samples.StreetlightTelemetry());

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Null(result.ReasonCode);
        Assert.Equal(new DeviceTopic("overhalla", DeviceKind.Streetlight, "sl-0042", MessageType.Telemetry), result.Topic);
        Assert.Equal(new StreetlightTelemetry("sl-0042", Samples.Now, 40, 23.6, 1532.75, true), result.Message);
    }

    [Fact]
    public void Validate_ValidWatermeterTelemetry_ReturnsTheRecord()
    {
        var result = Samples.Validator().Validate(Samples.WatermeterTelemetryTopic, Samples.WatermeterTelemetry());

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(
            new WatermeterTelemetry("wm-1307", Samples.Now, 412733.5, 14.2, 6.5, 87, new WatermeterAlarms(true, false, false, false, false, false)),
            result.Message);
    }

    [Fact]
    public void Validate_ValidPloughTelemetry_ReturnsTheRecord()
    {
        var result = Samples.Validator().Validate(Samples.PloughTelemetryTopic, Samples.PloughTelemetry());

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new PloughTelemetry("pl-07", Samples.Now, 64.4857, 11.5319, 32.5, 274, true, Spreading.Salt, 0.9), result.Message);
    }

    public static TheoryData<string, string> EventTypesOfEveryKind()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            foreach (var type in EventTypes.For(kind))
            {
                data.Add(TopicNames.Of(kind), type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypesOfEveryKind))]
    public void Validate_EventOfItsKind_ReturnsDeviceEvent(string kind, string type)
    {
        // Given
        var payload = Samples.Event("dev-1", type);
        payload["detail"] = "seen by the driver's self-test";

        // When
        var result = Samples.Validator().Validate($"smartcity/v1/overhalla/{kind}/dev-1/event", payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new DeviceEvent("dev-1", Samples.Now, type, "seen by the driver's self-test"), result.Message);
    }

    [Theory]
    [InlineData("streetlight", "online", DeviceState.Online)]
    [InlineData("watermeter", "offline", DeviceState.Offline)]
    [InlineData("plough", "online", DeviceState.Online)]
    public void Validate_StatusOfAnyKind_ReturnsDeviceStatus(string kind, string state, DeviceState expected)
    {
        var result = Samples.Validator().Validate($"smartcity/v1/overhalla/{kind}/dev-1/status", Samples.Status("dev-1", state));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new DeviceStatus("dev-1", Samples.Now, expected), result.Message);
    }

    [Fact]
    public void Validate_AppliedAck_ReturnsCommandAck()
    {
        var (topic, payload) = Samples.For(MessageCatalog.CommandAck.SchemaName);

        var result = Samples.Validator().Validate(topic, payload);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new CommandAck("sl-0042", Samples.Now, "6f1c2a9e-5b7d-4c1e-9a3f-2d8e4b6c0a17", AckResult.Applied, 100), result.Message);
    }

    [Fact]
    public void Validate_RejectedAckWithNullLevel_ReturnsCommandAck()
    {
        // Given: optional fields may be absent or null
        var (topic, payload) = Samples.For(MessageCatalog.CommandAck.SchemaName);
        payload["result"] = "rejected";
        payload["appliedLevel"] = null;
        payload["reason"] = "driver fault";

        // When
        var result = Samples.Validator().Validate(topic, payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new CommandAck("sl-0042", Samples.Now, "6f1c2a9e-5b7d-4c1e-9a3f-2d8e4b6c0a17", AckResult.Rejected, null, "driver fault"), result.Message);
    }

    [Fact]
    public void Validate_UnknownExtraFields_AreTolerated()
    {
        // Given: a newer firmware adds fields (extend, never rename)
        var payload = Samples.WatermeterTelemetry();
        payload["firmware"] = "2.1.0";
        payload["signal"] = new JsonObject { ["rssi"] = -71, ["snr"] = 7.5 };
        payload["alarms"]!["magnet"] = false;

        // When
        var result = Samples.Validator().Validate(Samples.WatermeterTelemetryTopic, payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.IsType<WatermeterTelemetry>(result.Message);
    }

    [Fact]
    public void Validate_TimestampWithOffset_ReturnsRecordInUtc()
    {
        // Given
        var payload = Samples.StreetlightTelemetry();
        payload["ts"] = "2026-01-15T18:00:00+01:00";

        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Samples.Now, result.Message!.Ts);
        Assert.Equal(TimeSpan.Zero, result.Message.Ts.Offset);
    }

    [Fact]
    public void Validate_IntegerWithNegativeZeroOrWholeNumberInNumberField_IsAccepted()
    {
        // Given: numbers fields take integers too; dimLevel -0 is the integer 0
        var payload = Samples.StreetlightTelemetry();
        payload["powerW"] = 24;
        var json = Samples.WithRaw(payload, "dimLevel", "-0");

        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, json);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(0, Assert.IsType<StreetlightTelemetry>(result.Message).DimLevel);
    }

    [Fact]
    public void Validate_PayloadSplitAcrossSegmentsInsideAMultiByteCharacter_IsValid()
    {
        // Given: "ø" is two bytes in UTF-8; the split falls between them
        var payload = Samples.Event("sl-0042", "driverFault");
        payload["detail"] = "driver for lyktestolpe ved Kjøpmannsgata";
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var split = Array.IndexOf(bytes, (byte)0xC3) + 1;
        var sequence = SegmentedSequence.Of(bytes.AsMemory(0, split), bytes.AsMemory(split));

        // When
        var result = Samples.Validator().Validate("smartcity/v1/overhalla/streetlight/sl-0042/event", sequence);

        // Then
        Assert.False(sequence.IsSingleSegment);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("driver for lyktestolpe ved Kjøpmannsgata", Assert.IsType<DeviceEvent>(result.Message).Detail);
    }

    [Fact]
    public void Validate_FromManyThreads_GivesTheSameResult()
    {
        // Given: one validator is shared by the ingestion workers
        var validator = Samples.Validator();
        var payload = Encoding.UTF8.GetBytes(Samples.PloughTelemetry().ToJsonString());
        var results = new MessageValidationResult[2_000];

        // When
        Parallel.For(0, results.Length, i => results[i] = validator.Validate(Samples.PloughTelemetryTopic, new ReadOnlySequence<byte>(payload)));

        // Then
        Assert.All(results, result => Assert.True(result.IsValid, result.ToString()));
    }
}
