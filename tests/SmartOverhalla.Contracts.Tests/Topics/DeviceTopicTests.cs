using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Tests.Topics;

public sealed class DeviceTopicTests
{
    [Theory]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-0042/telemetry", "overhalla", DeviceKind.Streetlight, "sl-0042", MessageType.Telemetry)]
    [InlineData("smartcity/v1/overhalla/watermeter/WM_1307/event", "overhalla", DeviceKind.Watermeter, "WM_1307", MessageType.Event)]
    [InlineData("smartcity/v1/namsos-2/plough/7/status", "namsos-2", DeviceKind.Plough, "7", MessageType.Status)]
    [InlineData("smartcity/v1/ov/streetlight/a/cmd", "ov", DeviceKind.Streetlight, "a", MessageType.Cmd)]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1/ack", "overhalla", DeviceKind.Streetlight, "sl-1", MessageType.Ack)]
    public void TryParse_ValidTopic_ReturnsItsParts(string topic, string municipality, DeviceKind kind, string deviceId, MessageType message)
    {
        // When
        var parsed = DeviceTopic.TryParse(topic, out var result, out var error);

        // Then
        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(new DeviceTopic(municipality, kind, deviceId, message), result);
    }

    [Fact]
    public void TryParse_DeviceIdOf64Characters_IsAccepted()
    {
        // Given
        var id = new string('a', DeviceTopic.MaxDeviceIdLength);

        // When / Then
        Assert.True(DeviceTopic.TryParse($"smartcity/v1/overhalla/plough/{id}/telemetry", out var result, out _));
        Assert.Equal(id, result.DeviceId);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1", "form")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1/telemetry/extra", "form")]
    [InlineData("smartcity/v2/overhalla/streetlight/sl-1/telemetry", "form")]
    [InlineData("city/v1/overhalla/streetlight/sl-1/telemetry", "form")]
    [InlineData("/smartcity/v1/overhalla/streetlight/sl-1/telemetry", "form")]
    [InlineData("smartcity/v1//streetlight/sl-1/telemetry", "municipality")]
    [InlineData("smartcity/v1/Overhalla/streetlight/sl-1/telemetry", "municipality")]
    [InlineData("smartcity/v1/o/streetlight/sl-1/telemetry", "municipality")]
    [InlineData("smartcity/v1/1overhalla/streetlight/sl-1/telemetry", "municipality")]
    [InlineData("smartcity/v1/+/streetlight/sl-1/telemetry", "municipality")]
    [InlineData("smartcity/v1/overhalla//sl-1/telemetry", "kind")]
    [InlineData("smartcity/v1/overhalla/Streetlight/sl-1/telemetry", "kind")]
    [InlineData("smartcity/v1/overhalla/lamp/sl-1/telemetry", "kind")]
    [InlineData("smartcity/v1/overhalla/streetlight//telemetry", "deviceId")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1/", "message")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1/Telemetry", "message")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1/#", "message")]
    [InlineData("smartcity/v1/overhalla/streetlight/sl-1/deadletter", "message")]
    public void TryParse_InvalidTopic_FailsAndSaysWhichPart(string? topic, string expectedInError)
    {
        // When
        var parsed = DeviceTopic.TryParse(topic, out var result, out var error);

        // Then
        Assert.False(parsed);
        Assert.Equal(default, result);
        Assert.NotNull(error);
        Assert.Contains(expectedInError, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a b")]
    [InlineData("x=1")]
    [InlineData("\"")]
    [InlineData("a\"b")]
    [InlineData("\\")]
    [InlineData("a\\b")]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a\nb")]
    [InlineData("a\r")]
    [InlineData("a\tb")]
    [InlineData("a\0b")]
    [InlineData("måler-1")]
    [InlineData("sl\u00A01")]
    [InlineData("sl-１")]
    [InlineData("-sl")]
    [InlineData("_sl")]
    [InlineData("a'b")]
    [InlineData("a;b")]
    [InlineData("a*b")]
    [InlineData("a$b")]
    public void TryParse_HostileDeviceId_IsRefused(string deviceId)
    {
        // Given: ids that would break InfluxDB line protocol, MQTT wildcards, file names or log lines
        var topic = $"smartcity/v1/overhalla/streetlight/{deviceId}/telemetry";

        // When
        var parsed = DeviceTopic.TryParse(topic, out _, out var error);

        // Then
        Assert.False(parsed);
        Assert.Contains("deviceId", error, StringComparison.Ordinal);
        Assert.False(DeviceTopic.IsValidDeviceId(deviceId));
    }

    [Fact]
    public void TryParse_DeviceIdOf65Characters_IsRefused()
    {
        // Given
        var id = new string('a', DeviceTopic.MaxDeviceIdLength + 1);

        // When / Then
        Assert.False(DeviceTopic.TryParse($"smartcity/v1/overhalla/plough/{id}/telemetry", out _, out var error));
        Assert.Contains("deviceId", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SlashInsideDeviceId_GivesTooManyLevels()
    {
        // When / Then: "a/b" cannot be one level, so the topic has seven levels.
        Assert.False(DeviceTopic.TryParse("smartcity/v1/overhalla/streetlight/a/b/telemetry", out _, out var error));
        Assert.Contains("form", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_EveryKindAndMessage_RoundTripsThroughTryParse()
    {
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            foreach (var message in Enum.GetValues<MessageType>())
            {
                // Given
                var topic = new DeviceTopic("overhalla", kind, "dev-1", message);

                // When
                var text = topic.ToString();

                // Then
                Assert.Equal($"smartcity/v1/overhalla/{TopicNames.Of(kind)}/dev-1/{TopicNames.Of(message)}", text);
                Assert.True(DeviceTopic.TryParse(text, out var parsed, out _));
                Assert.Equal(topic, parsed);
            }
        }
    }

    [Fact]
    public void With_OtherMessage_KeepsTheDevice()
    {
        // Given
        var telemetry = new DeviceTopic("overhalla", DeviceKind.Streetlight, "sl-1", MessageType.Telemetry);

        // When
        var cmd = telemetry.With(MessageType.Cmd);

        // Then
        Assert.Equal("smartcity/v1/overhalla/streetlight/sl-1/cmd", cmd.ToString());
    }

    [Fact]
    public void AllDevices_Telemetry_IsSingleLevelWildcardFilter()
    {
        Assert.Equal("smartcity/v1/+/+/+/telemetry", TopicNames.AllDevices(MessageType.Telemetry));
    }
}
