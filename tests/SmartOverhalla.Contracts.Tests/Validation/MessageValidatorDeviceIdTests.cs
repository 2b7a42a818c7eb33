using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>
/// The topic names the device (design.md, "The device contract"): a payload may repeat <c>deviceId</c>, and then it
/// must match, but need not. Either way the record the validator returns carries the topic's id.
/// </summary>
public sealed class MessageValidatorDeviceIdTests
{
    public static TheoryData<string> IngestedSchemaNames() =>
        [.. MessageCatalog.All.Where(s => s != MessageCatalog.SetDimCommand).Select(s => s.SchemaName)];

    [Theory]
    [MemberData(nameof(IngestedSchemaNames))]
    public void Validate_PayloadWithoutDeviceId_ReturnsTheSameRecordAsWithIt(string schemaName)
    {
        // Given: the same message with and without deviceId
        var (topic, withId) = Samples.For(schemaName);
        var withoutId = withId.DeepClone().AsObject();
        Assert.True(withoutId.Remove("deviceId"));

        // When
        var expected = Samples.Validator().Validate(topic, withId);
        var result = Samples.Validator().Validate(topic, withoutId);

        // Then
        Assert.True(expected.IsValid, expected.ToString());
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(TopicDevice(topic), result.Message!.DeviceId);
        Assert.Equal(expected.Message, result.Message);
    }

    [Theory]
    [MemberData(nameof(IngestedSchemaNames))]
    public void Validate_DeviceIdNull_IsTreatedAsAbsent(string schemaName)
    {
        // Given: an optional field sent as null means the same as leaving it out
        var (topic, payload) = Samples.For(schemaName);
        payload["deviceId"] = null;

        // When
        var result = Samples.Validator().Validate(topic, payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(TopicDevice(topic), result.Message!.DeviceId);
    }

    [Theory]
    [MemberData(nameof(IngestedSchemaNames))]
    public void Validate_DeviceIdOfAnotherDevice_ReportsDeviceMismatch(string schemaName)
    {
        // Given
        var (topic, payload) = Samples.For(schemaName);
        payload["deviceId"] = TopicDevice(topic) + "-other";

        // When
        var result = Samples.Validator().Validate(topic, payload);

        // Then
        Assert.Equal(
            new ValidationProblem("deviceId", RejectReasons.DeviceMismatch, "deviceId differs from the deviceId in the topic; a device may only publish as itself"),
            Samples.Single(result));
        Assert.Null(result.Message);
    }

    [Fact]
    public void Validate_StreetlightTelemetryWithoutDeviceId_ReturnsTheRecordNamedByTheTopic()
    {
        // Given: what a hand-written mosquitto_pub sends
        const string Payload = """{"ts":"2026-01-15T17:00:00Z","dimLevel":40,"powerW":23.6,"energyKWh":1532.75,"lampOn":true}""";

        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, Payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new StreetlightTelemetry("sl-0042", Samples.Now, 40, 23.6, 1532.75, true), result.Message);
    }

    [Fact]
    public void Validate_WrongDeviceIdAndAnotherProblem_ReportsBoth()
    {
        // Given: a mismatch is one problem among others, not a short cut
        var payload = Samples.WatermeterTelemetry();
        payload["deviceId"] = "wm-9999";
        payload["batteryPct"] = 101;

        // When
        var result = Samples.Validator().Validate(Samples.WatermeterTelemetryTopic, payload);

        // Then
        Assert.Equal(
            [("batteryPct", RejectReasons.FieldRange), ("deviceId", RejectReasons.DeviceMismatch)],
            result.Problems.Select(p => (p.Field, p.Code)).OrderBy(p => p.Field, StringComparer.Ordinal));
    }

    private static string TopicDevice(string topic)
    {
        Assert.True(DeviceTopic.TryParse(topic, out var parsed, out var error), error);
        return parsed.DeviceId;
    }
}
