using System.Text.Json;
using System.Text.Json.Nodes;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Contracts.Tests.Json;

public sealed class ContractJsonContextTests
{
    private static readonly DateTimeOffset Ts = new(2026, 1, 15, 17, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public void Serialize_StreetlightTelemetry_WritesCamelCaseAndUtcZ()
    {
        // Given
        var message = new StreetlightTelemetry("sl-1", Ts, 40, 23.5, 1532.25, true);

        // When
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.StreetlightTelemetry);

        // Then
        Assert.Equal(
            """{"deviceId":"sl-1","ts":"2026-01-15T17:00:00.5Z","dimLevel":40,"powerW":23.5,"energyKWh":1532.25,"lampOn":true}""",
            json);
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.StreetlightTelemetry));
    }

    [Fact]
    public void Serialize_WatermeterTelemetry_NestsAlarmsInCamelCase()
    {
        // Given
        var message = new WatermeterTelemetry("wm-1", Ts, 412733.5, 14.2, 6.5, 87, new WatermeterAlarms(true, false, false, false, false, true));

        // When
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.WatermeterTelemetry);

        // Then
        var alarms = JsonNode.Parse(json)!["alarms"]!.AsObject();
        Assert.Equal(["leak", "burst", "backflow", "dry", "tamper", "lowBattery"], alarms.Select(p => p.Key));
        Assert.True(alarms["leak"]!.GetValue<bool>());
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.WatermeterTelemetry));
    }

    [Theory]
    [InlineData(Spreading.None, "none")]
    [InlineData(Spreading.Salt, "salt")]
    [InlineData(Spreading.Sand, "sand")]
    public void Serialize_PloughTelemetry_WritesSpreadingAsCamelCaseString(Spreading spreading, string expected)
    {
        // Given
        var message = new PloughTelemetry("pl-7", Ts, 64.48, 11.53, 32.5, 274, true, spreading, 0.9);

        // When
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.PloughTelemetry);

        // Then
        Assert.Equal(expected, JsonNode.Parse(json)!["spreading"]!.GetValue<string>());
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.PloughTelemetry));
    }

    [Theory]
    [InlineData(DeviceState.Online, "online")]
    [InlineData(DeviceState.Offline, "offline")]
    public void Serialize_DeviceStatus_WritesStateAsCamelCaseString(DeviceState state, string expected)
    {
        // Given
        var message = new DeviceStatus("sl-1", Ts, state);

        // When
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.DeviceStatus);

        // Then
        Assert.Equal(expected, JsonNode.Parse(json)!["state"]!.GetValue<string>());
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceStatus));
    }

    [Fact]
    public void Serialize_DeviceEventWithoutDetail_LeavesDetailOut()
    {
        // Given
        var message = new DeviceEvent("sl-1", Ts, "lampFailure");

        // When
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.DeviceEvent);

        // Then
        Assert.Equal("""{"deviceId":"sl-1","ts":"2026-01-15T17:00:00.5Z","type":"lampFailure"}""", json);
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceEvent));
    }

    [Fact]
    public void Serialize_DeviceEventWithDetail_RoundTrips()
    {
        var message = new DeviceEvent("sl-1", Ts, "driverFault", "over-temperature");
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.DeviceEvent);
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceEvent));
    }

    [Theory]
    [InlineData(AckResult.Applied, "applied")]
    [InlineData(AckResult.Rejected, "rejected")]
    public void Serialize_CommandAck_WritesResultAsCamelCaseString(AckResult result, string expected)
    {
        // Given
        var message = new CommandAck("sl-1", Ts, "cmd-1", result, result == AckResult.Applied ? 80 : null, result == AckResult.Rejected ? "driver fault" : null);

        // When
        var json = JsonSerializer.Serialize(message, ContractJsonContext.Default.CommandAck);

        // Then
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(expected, node["result"]!.GetValue<string>());
        Assert.Equal(result == AckResult.Applied, node.ContainsKey("appliedLevel"));
        Assert.Equal(result == AckResult.Rejected, node.ContainsKey("reason"));
        Assert.Equal(message, JsonSerializer.Deserialize(json, ContractJsonContext.Default.CommandAck));
    }

    [Fact]
    public void Serialize_SetDimAsDeviceCommand_WritesTypeDiscriminatorAndRoundTrips()
    {
        // Given
        DeviceCommand command = new SetDimCommand("cmd-1", Ts, 100, "plough-nearby", Ts.AddMinutes(15));

        // When
        var json = JsonSerializer.Serialize(command, ContractJsonContext.Default.DeviceCommand);

        // Then
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("setDim", node["type"]!.GetValue<string>());
        Assert.Equal("2026-01-15T17:15:00.5Z", node["untilTs"]!.GetValue<string>());
        Assert.Equal(command, JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceCommand));
    }

    [Fact]
    public void Deserialize_TimestampWithOffset_ConvertsToUtc()
    {
        // Given
        const string json = """{"deviceId":"sl-1","ts":"2026-01-15T18:00:00+01:00","state":"online"}""";

        // When
        var status = JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceStatus)!;

        // Then
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.Zero), status.Ts);
        Assert.Equal(TimeSpan.Zero, status.Ts.Offset);
        Assert.Contains("\"ts\":\"2026-01-15T17:00:00Z\"", JsonSerializer.Serialize(status, ContractJsonContext.Default.DeviceStatus), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-15T17:00:00")]
    [InlineData("2026-01-15 17:00:00Z")]
    [InlineData("1768496400")]
    public void Deserialize_TimestampWithoutOffsetOrNotRfc3339_Throws(string ts)
    {
        var json = $$"""{"deviceId":"sl-1","ts":"{{ts}}","state":"online"}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceStatus));
    }

    [Fact]
    public void Deserialize_EnumAsNumber_Throws()
    {
        // Given: enums travel as names; a number would silently map to whatever member has that index
        const string json = """{"deviceId":"sl-1","ts":"2026-01-15T17:00:00Z","state":1}""";

        // When / Then
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.DeviceStatus));
    }
}
