using System.Text;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Devices.Commands;
using SmartOverhalla.Simulators.Tests.Support;

namespace SmartOverhalla.Simulators.Tests.Devices.Commands;

public sealed class CommandReaderTests
{
    private static readonly DateTimeOffset Ts = new(2026, 1, 15, 5, 40, 1, TimeSpan.Zero);

    [Fact]
    public void Read_SetDimAsTheGatewaySerialisesIt_GivesTheCommand()
    {
        var payload = PlatformCommands.SetDim("6f1c2a9e", 100, Ts, Ts.AddMinutes(15), reason: "plough-nearby");

        var reading = CommandReader.Read(payload);

        Assert.Equal(CommandReading.Valid(new SetDimCommand("6f1c2a9e", Ts, 100, "plough-nearby", Ts.AddMinutes(15))), reading);
    }

    [Fact]
    public void Read_FieldsInAnyOrderWithAnOffsetAndExtraFields_GivesTheCommand()
    {
        // Another gateway may order fields freely, use an offset, add fields (extend, never rename) or send a null untilTs.
        var reading = Read("""{"level":0,"reason":"profile","firmwareHint":1,"ts":"2026-01-15T06:40:01+01:00","untilTs":null,"cmdId":"c1","type":"setDim"}""");

        Assert.Equal(CommandReading.Valid(new SetDimCommand("c1", Ts, 0, "profile")), reading);
    }

    [Theory]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":140,"reason":"x"}""", "level 140 is outside 0-100")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":-5,"reason":"x"}""", "level -5 is outside 0-100")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":"50","reason":"x"}""", "level must be an integer 0-100")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":50.5,"reason":"x"}""", "level must be an integer 0-100")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","reason":"x"}""", "level is missing")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":50}""", "reason is missing or not a string")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":50,"reason":""}""", "reason must be 1-500 characters")]
    [InlineData("""{"type":"setDim","cmdId":"c1","level":50,"reason":"x"}""", "ts is missing")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01","level":50,"reason":"x"}""", "ts must be an RFC 3339 date-time with an offset, e.g. 2026-01-15T17:00:00Z")]
    [InlineData("""{"type":"setDim","cmdId":"c1","ts":"2026-01-15T05:40:01Z","level":50,"reason":"x","untilTs":"tomorrow"}""", "untilTs must be an RFC 3339 date-time with an offset, e.g. 2026-01-15T17:00:00Z")]
    [InlineData("""{"type":"reboot","cmdId":"c1"}""", "unknown command type 'reboot'; a street light takes setDim")]
    [InlineData("""{"cmdId":"c1","level":50}""", "type is missing or not a string")]
    [InlineData("""{"type":7,"cmdId":"c1"}""", "type is missing or not a string")]
    [InlineData("""{"type":"setDim","cmdId":"c1","level":140}""", "ts is missing; level 140 is outside 0-100; reason is missing or not a string")]
    public void Read_InvalidCommandWithACmdId_IsRejectedWithTheReason(string json, string reason)
    {
        var reading = Read(json);

        Assert.Equal(CommandReading.Invalid("c1", reason), reading);
    }

    [Theory]
    [InlineData("", "payload is empty")]
    [InlineData("setDim 50", "payload is not well-formed JSON")]
    [InlineData("""{"cmdId":"c1","type":"setDim",""", "payload is not well-formed JSON")]
    [InlineData("[1,2]", "payload is not a JSON object")]
    [InlineData("""{"type":"setDim","level":50}""", "cmdId is missing or not a string")]
    [InlineData("""{"cmdId":42}""", "cmdId is missing or not a string")]
    [InlineData("""{"cmdId":""}""", "cmdId must be 1-128 characters")]
    [InlineData("""{"cmdId":"c1","cmdId":"c2"}""", "payload is not well-formed JSON")]
    [InlineData("""{"cmdId":"\uD800"}""", "payload contains an escaped lone surrogate, which is not valid Unicode")]
    public void Read_WithoutAReadableCmdId_IsUnreadable(string json, string problem)
    {
        var reading = Read(json);

        Assert.Equal(CommandReading.Unreadable(problem), reading);
    }

    [Fact]
    public void Read_TooLongCmdIdOrTooLargePayloadOrBrokenUtf8_IsUnreadable()
    {
        Assert.Null(Read($$"""{"cmdId":"{{new string('x', 129)}}"}""").CmdId);
        Assert.Equal("payload is larger than 16384 bytes", CommandReader.Read(new byte[(16 * 1024) + 1]).Problem);
        Assert.Null(CommandReader.Read(new byte[] { (byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}' }).CmdId);
    }

    private static CommandReading Read(string json) => CommandReader.Read(Encoding.UTF8.GetBytes(json));
}
