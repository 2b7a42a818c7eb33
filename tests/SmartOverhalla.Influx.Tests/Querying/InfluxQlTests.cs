namespace SmartOverhalla.Influx.Tests.Querying;

/// <summary>Expectations from the InfluxQL reference: identifiers in double quotes, strings in single quotes, backslash escapes.</summary>
public sealed class InfluxQlTests
{
    [Theory]
    [InlineData("dimLevel", "\"dimLevel\"")]
    [InlineData("dim level", "\"dim level\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData(@"back\slash", @"""back\\slash""")]
    [InlineData(@"trailing\", @"""trailing\\""")]
    [InlineData("x\" ; DROP DATABASE \"y", "\"x\\\" ; DROP DATABASE \\\"y\"")]
    public void QuoteIdentifier_Text_DoubleQuotesAndEscapesQuoteAndBackslash(string name, string expected) =>
        Assert.Equal(expected, InfluxQl.QuoteIdentifier(name));

    [Theory]
    [InlineData("overhalla", "'overhalla'")]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData(@"C:\temp\", @"'C:\\temp\\'")]
    [InlineData("a' OR device = 'b", @"'a\' OR device = \'b'")]
    [InlineData("line1\nline2", @"'line1\nline2'")]
    [InlineData("", "''")]
    public void QuoteString_Text_SingleQuotesAndEscapesQuoteBackslashAndNewline(string value, string expected) =>
        Assert.Equal(expected, InfluxQl.QuoteString(value));

    [Fact]
    public void QuoteString_CarriageReturn_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => InfluxQl.QuoteString("a\rb"));

    [Fact]
    public void QuoteIdentifier_Empty_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => InfluxQl.QuoteIdentifier(string.Empty));

    [Fact]
    public void FormatTime_UtcWithTicks_WritesRfc3339WithSevenDecimals() =>
        Assert.Equal("'2025-01-31T23:00:00.1234567Z'", InfluxQl.FormatTime(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567)));

    [Theory]
    [InlineData(14 * 24 * 60 * 60 * 1000L, "2w")]
    [InlineData(30 * 24 * 60 * 60 * 1000L, "30d")]
    [InlineData(2 * 60 * 60 * 1000L, "2h")]
    [InlineData(90 * 60 * 1000L, "90m")]
    [InlineData(45 * 1000L, "45s")]
    [InlineData(1500L, "1500ms")]
    public void FormatDuration_WholeUnits_UsesLargestExactUnit(long milliseconds, string expected) =>
        Assert.Equal(expected, InfluxQl.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void FormatDuration_SubMillisecond_UsesMicrosecondsOrNanoseconds()
    {
        Assert.Equal("3u", InfluxQl.FormatDuration(TimeSpan.FromMicroseconds(3)));
        Assert.Equal("100ns", InfluxQl.FormatDuration(TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void FormatDuration_Negative_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InfluxQl.FormatDuration(TimeSpan.FromSeconds(-1)));
}
