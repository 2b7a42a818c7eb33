using SmartOverhalla.Lighting.Astronomy;
using SmartOverhalla.Lighting.Configuration;

namespace SmartOverhalla.Lighting.Tests.Configuration;

public sealed class StepTriggerParserTests
{
    [Theory]
    [InlineData("sunset-10m", SolarEventKind.Sunset, -10)]
    [InlineData("sunrise+10m", SolarEventKind.Sunrise, 10)]
    [InlineData("civilDusk", SolarEventKind.CivilDusk, 0)]
    [InlineData("civildawn + 1h30m", SolarEventKind.CivilDawn, 90)]
    [InlineData("sunset − 1 h 5 min", SolarEventKind.Sunset, -65)]
    [InlineData("sunset-4h", SolarEventKind.Sunset, -240)]
    public void TryParse_EventWithOffset_ReadsEventAndOffset(string text, SolarEventKind kind, int minutes)
    {
        // Given / When
        var parsed = StepTriggerParser.TryParse(text, out var trigger, out var error);

        // Then
        Assert.True(parsed, error);
        Assert.Equal(new StepTrigger.Solar(kind, TimeSpan.FromMinutes(minutes)), trigger);
    }

    [Theory]
    [InlineData("23:00", 23, 0)]
    [InlineData("5:30", 5, 30)]
    [InlineData("00:00", 0, 0)]
    [InlineData(" 23:59 ", 23, 59)]
    public void TryParse_ClockTime_ReadsLocalTime(string text, int hour, int minute)
    {
        // Given / When
        var parsed = StepTriggerParser.TryParse(text, out var trigger, out _);

        // Then
        Assert.True(parsed);
        Assert.Equal(new StepTrigger.Clock(new TimeOnly(hour, minute)), trigger);
    }

    [Theory]
    [InlineData("25:00", "'25:00' is not a time of day")]
    [InlineData("24:00", "'24:00' is not a time of day")]
    [InlineData("23:60", "'23:60' is not a time of day")]
    [InlineData("23.00", "'23.00' is not a time of day")]
    [InlineData("sunset-10", "offset '10' in 'sunset-10' is not a duration")]
    [InlineData("sunset-", "offset '' in 'sunset-' is not a duration")]
    [InlineData("sunset+10s", "offset '10s' in 'sunset+10s' is not a duration")]
    [InlineData("sunset+4h1m", "offset 4h1m in 'sunset+4h1m' is larger than 4 h")]
    [InlineData("noon", "'noon' is neither a clock time")]
    [InlineData("", "'' is neither a clock time")]
    public void TryParse_Invalid_SaysWhy(string text, string expectedStart)
    {
        // Given / When
        var parsed = StepTriggerParser.TryParse(text, out var trigger, out var error);

        // Then
        Assert.False(parsed);
        Assert.Null(trigger);
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sunset-10m", "sunset − 10 min")]
    [InlineData("sunrise+1h30m", "sunrise + 1 h 30 min")]
    [InlineData("civilDusk+2h", "civilDusk + 2 h")]
    [InlineData("civilDawn", "civilDawn")]
    [InlineData("5:30", "05:30")]
    public void Rule_ParsedTrigger_ReadsForOperatorsAndParsesBack(string text, string rule)
    {
        // Given
        StepTriggerParser.TryParse(text, out var trigger, out _);

        // When
        var parsedBack = StepTriggerParser.TryParse(trigger!.Rule, out var again, out _);

        // Then
        Assert.Equal(rule, trigger.Rule);
        Assert.True(parsedBack);
        Assert.Equal(trigger, again);
    }
}
