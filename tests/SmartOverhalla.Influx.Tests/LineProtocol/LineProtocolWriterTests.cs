using System.Buffers;
using System.Globalization;
using System.Text;

namespace SmartOverhalla.Influx.Tests.LineProtocol;

/// <summary>
/// Expected lines are written by hand from the InfluxDB 1.x line protocol reference: syntax
/// <c>measurement[,tag=value] field=value[,field=value] [timestamp]</c>; integers end in <c>i</c>; strings are
/// double-quoted; escapes per "Special characters".
/// </summary>
public sealed class LineProtocolWriterTests
{
    [Fact]
    public void ToLine_OneIntegerField_WritesMeasurementSpaceFieldWithISuffix()
    {
        var point = PointData.Measurement("m").Field("v", 1L);

        Assert.Equal("m v=1i", LineProtocolWriter.ToLine(point));
    }

    [Fact]
    public void ToLine_AllFourFieldTypes_WritesEachInItsSyntaxInOrderGiven()
    {
        var point = PointData.Measurement("streetlight")
            .Field("dimLevel", 50L)
            .Field("powerW", 12.5)
            .Field("lampOn", true)
            .Field("off", false)
            .Field("note", "x");

        Assert.Equal("streetlight dimLevel=50i,powerW=12.5,lampOn=true,off=false,note=\"x\"", point.ToString());
    }

    [Fact]
    public void ToLine_IntegerExtremes_WritesFullRange()
    {
        var point = PointData.Measurement("m").Field("min", long.MinValue).Field("max", long.MaxValue);

        Assert.Equal("m min=-9223372036854775808i,max=9223372036854775807i", point.ToString());
    }

    [Fact]
    public void ToLine_TagsGivenOutOfOrder_WritesThemSortedByKey()
    {
        var point = PointData.Measurement("m").Tag("municipality", "overhalla").Tag("device", "l1").Tag("zone", "z").Field("v", 1L);

        Assert.Equal("m,device=l1,municipality=overhalla,zone=z v=1i", point.ToString());
    }

    [Fact]
    public void ToLine_TimestampFromDateTimeOffset_WritesNanosecondsSinceEpochInUtc()
    {
        // 2024-01-01T01:00:00+01:00 is 2024-01-01T00:00:00Z = 1 704 067 200 s after the epoch; plus one tick (100 ns).
        var point = PointData.Measurement("m").Field("v", 1L)
            .Timestamp(new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)).AddTicks(1));

        Assert.Equal("m v=1i 1704067200000000100", point.ToString());
    }

    [Fact]
    public void ToLine_TimestampBeforeEpoch_WritesNegativeNanoseconds()
    {
        var point = PointData.Measurement("m").Field("v", 1L).Timestamp(DateTimeOffset.UnixEpoch.AddSeconds(-1));

        Assert.Equal("m v=1i -1000000000", point.ToString());
    }

    [Fact]
    public void ToLine_NoTimestamp_LeavesItOutForTheServerToStamp()
    {
        Assert.Equal("m v=1i", PointData.Measurement("m").Field("v", 1L).ToString());
    }

    [Theory]
    [InlineData("my measurement", @"my\ measurement")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", "a=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData(@"a\b", @"a\b")]
    [InlineData(@"a\\b", @"a\\b")]
    [InlineData(" leading", @"\ leading")]
    [InlineData("in#side", "in#side")]
    public void ToLine_MeasurementWithSpecialCharacters_EscapesCommaAndSpaceOnly(string name, string expected)
    {
        Assert.Equal(expected + " v=1i", PointData.Measurement(name).Field("v", 1L).ToString());
    }

    [Theory]
    [InlineData("a b", @"a\ b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData("x,evil=1 value=0", @"x\,evil\=1\ value\=0")]
    [InlineData("a\"b", "a\"b")]
    [InlineData(@"a\b", @"a\b")]
    [InlineData(@"a\\b", @"a\\b")]
    [InlineData("a\tb", "a\tb")]
    public void ToLine_TagKeyValueAndFieldKeyWithSpecialCharacters_EscapeCommaEqualsAndSpace(string text, string expected)
    {
        var point = PointData.Measurement("m").Tag(text, text).Field(text, 1L);

        Assert.Equal($"m,{expected}={expected} {expected}=1i", point.ToString());
    }

    [Theory]
    [InlineData(@"a\,b", @"a\\,b")]
    [InlineData(@"a\ b", @"a\\ b")]
    [InlineData(@"a\=b", @"a\\=b")]
    [InlineData(@"a\""b", @"a\""b")]
    [InlineData(@"a\\,b", @"a\\\,b")]
    public void ToLine_TagValueWithBackslashBeforeSpecialCharacter_KeepsTheBackslashAndEscapesTheCharacter(string value, string expected)
    {
        Assert.Equal($"m,k={expected} v=1i", PointData.Measurement("m").Tag("k", value).Field("v", 1L).ToString());
    }

    [Theory]
    [InlineData(0UL, "0i")]
    [InlineData((ulong)long.MaxValue, "9223372036854775807i")]
    public void ToLine_UInt64Field_WritesAnInteger(ulong value, string expected)
    {
        Assert.Equal("m v=" + expected, PointData.Measurement("m").Field("v", value).ToString());
    }

    [Theory]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"back\slash", @"""back\\slash""")]
    [InlineData(@"trailing\", @"""trailing\\""")]
    [InlineData("a, b=c", "\"a, b=c\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("", "\"\"")]
    public void ToLine_StringField_QuotesAndEscapesQuoteAndBackslashOnly(string value, string expected)
    {
        Assert.Equal("m s=" + expected, PointData.Measurement("m").Field("s", value).ToString());
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(3.0, "3")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e300, "1E+300")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void ToLine_Float_WritesShortestRoundTripInvariantForm(double value, string expected)
    {
        Assert.Equal("m f=" + expected, PointData.Measurement("m").Field("f", value).ToString());
    }

    [Fact]
    public void ToLine_FloatUnderCommaDecimalCulture_StillWritesDecimalPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nb-NO");
        try
        {
            Assert.Equal("m f=12.5", PointData.Measurement("m").Field("f", 12.5).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Write_NonAsciiText_EncodesUtf8()
    {
        var output = new ArrayBufferWriter<byte>();

        LineProtocolWriter.Write(PointData.Measurement("øl").Tag("sted", "Ærø😀").Field("s", "å"), output);

        Assert.Equal(Encoding.UTF8.GetBytes("øl,sted=Ærø😀 s=\"å\"\n"), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Write_Batch_TerminatesEveryLineWithNewline()
    {
        var output = new ArrayBufferWriter<byte>();

        LineProtocolWriter.Write([PointData.Measurement("a").Field("v", 1L), PointData.Measurement("b").Field("v", 2L)], output);

        Assert.Equal("a v=1i\nb v=2i\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_PointWithoutFields_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => LineProtocolWriter.Write(PointData.Measurement("m").Tag("t", "x"), new ArrayBufferWriter<byte>()));

        Assert.Contains("no fields", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BatchWithOnePointWithoutFields_WritesNothing()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => LineProtocolWriter.Write([PointData.Measurement("a").Field("v", 1L), PointData.Measurement("b")], output));

        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Write_LargeStringIntoSmallInitialBuffer_GrowsAndWritesAll()
    {
        var value = new string('ø', LineProtocolWriter.MaxStringFieldBytes / 2);
        var output = new ArrayBufferWriter<byte>(16);

        LineProtocolWriter.Write(PointData.Measurement("m").Field("s", value), output);

        Assert.Equal(Encoding.UTF8.GetBytes($"m s=\"{value}\"\n"), output.WrittenSpan.ToArray());
    }
}
