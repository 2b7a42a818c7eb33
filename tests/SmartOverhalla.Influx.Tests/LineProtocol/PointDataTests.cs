namespace SmartOverhalla.Influx.Tests.LineProtocol;

/// <summary>What line protocol cannot carry is refused when the point is built, with an error naming the part.</summary>
public sealed class PointDataTests
{
    public static TheoryData<string> LineBreaks => ["a\nb", "a\rb", "\n", "end\r\n"];

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Measurement_LineBreak_ThrowsArgumentException(string name) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement(name));

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Tag_LineBreakInKey_ThrowsArgumentException(string key) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag(key, "v"));

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Tag_LineBreakInValue_ThrowsArgumentException(string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag("zone", value));

        Assert.Contains("zone", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Field_LineBreakInKey_ThrowsArgumentException(string key) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Field(key, 1L));

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Field_LineBreakInStringValue_IsAccepted(string value) =>
        Assert.Equal(value, PointData.Measurement("m").Field("s", value).GetField("s")?.AsString());

    // A backslash last or before comma, equals sign, space or double quote is read differently by InfluxDB 1.6's
    // measurement, tag-key and field-key parsers (see the round-trip tests), so it is refused in those.
    public static TheoryData<string> AmbiguousBackslashes => [@"C:\temp\", @"a\,b", @"a\=b", @"a\ b", @"a\""b", @"a\\,b", @"\"];

    // In a tag value only a trailing backslash is ambiguous: it would escape the separator after the value.
    public static TheoryData<string> TrailingBackslashes => [@"C:\temp\", @"\", @"a\\"];

    public static TheoryData<string> BackslashesBeforeSpecials => [@"a\,b", @"a\=b", @"a\ b", @"a\""b", @"a\\,b", @"\,leading", @"mix\,\ \=z"];

    [Theory]
    [MemberData(nameof(AmbiguousBackslashes))]
    public void Measurement_AmbiguousBackslash_ThrowsArgumentException(string name) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement(name));

    [Theory]
    [MemberData(nameof(AmbiguousBackslashes))]
    public void Tag_AmbiguousBackslashInKey_ThrowsArgumentException(string key) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag(key, "v"));

    [Theory]
    [MemberData(nameof(TrailingBackslashes))]
    public void Tag_TrailingBackslashInValue_ThrowsArgumentExceptionNamingIt(string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag("k", value));

        Assert.Contains("backslash", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'k'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BackslashesBeforeSpecials))]
    public void Tag_BackslashBeforeSpecialCharacterInValue_IsAccepted(string value) =>
        Assert.Equal(value, PointData.Measurement("m").Tag("k", value).GetTag("k"));

    [Theory]
    [MemberData(nameof(AmbiguousBackslashes))]
    public void Field_AmbiguousBackslashInKey_ThrowsArgumentException(string key) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Field(key, 1L));

    [Theory]
    [InlineData(@"a\b")]
    [InlineData(@"a\\b")]
    [InlineData(@"\leading")]
    [InlineData(@"a\tb")]
    public void Tag_BackslashBeforeOrdinaryCharacter_IsAccepted(string value) =>
        Assert.Equal(value, PointData.Measurement(value).Tag(value, value).GetTag(value));

    [Theory]
    [MemberData(nameof(AmbiguousBackslashes))]
    public void Field_AmbiguousBackslashInStringValue_IsAccepted(string value) =>
        Assert.Equal(value, PointData.Measurement("m").Field("s", value).GetField("s")?.AsString());

    [Fact]
    public void Field_TrailingBackslashInStringValue_IsAccepted() =>
        Assert.Equal(@"C:\temp\", PointData.Measurement("m").Field("s", @"C:\temp\").GetField("s")?.AsString());

    [Theory]
    [InlineData("#comment")]
    [InlineData("\tindented")]
    public void Measurement_StartsWithHashOrTab_ThrowsArgumentException(string name) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement(name));

    [Fact]
    public void Measurement_Empty_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement(string.Empty));

    [Fact]
    public void Tag_EmptyKey_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag(string.Empty, "v"));

    [Fact]
    public void Field_EmptyKey_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Field(string.Empty, 1L));

    [Fact]
    public void Tag_KeyTime_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag("time", "x"));

    [Fact]
    public void Field_KeyTime_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Field("time", 1L));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Field_NonFiniteFloat_ThrowsArgumentOutOfRangeException(double value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").Field("powerW", value));

        Assert.Contains("powerW", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(42UL)]
    [InlineData((ulong)long.MaxValue)]
    public void Field_UInt64_IsAnIntegerFieldOfTheSameValue(ulong value)
    {
        var field = PointData.Measurement("m").Field("bytes", value).GetField("bytes");

        Assert.Equal(FieldValueKind.Integer, field?.Kind);
        Assert.Equal((long)value, field?.AsInt64());
    }

    [Theory]
    [InlineData((ulong)long.MaxValue + 1)]
    [InlineData(ulong.MaxValue)]
    public void Field_UInt64AboveLongMaxValue_ThrowsArgumentOutOfRangeExceptionNamingTheField(ulong value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").Field("bytes", value));

        Assert.Contains("'bytes'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_UInt32_IsAnIntegerField() =>
        Assert.Equal(FieldValueKind.Integer, PointData.Measurement("m").Field("n", uint.MaxValue).GetField("n")?.Kind);

    [Fact]
    public void Field_StringOfExactly64KiBUtf8_IsAccepted()
    {
        // 'ø' is two bytes in UTF-8: 32 768 of them are 65 536 bytes.
        var value = new string('ø', LineProtocolWriter.MaxStringFieldBytes / 2);

        Assert.Equal(value, PointData.Measurement("m").Field("s", value).GetField("s")?.AsString());
    }

    [Fact]
    public void Field_StringOneByteOver64KiB_ThrowsArgumentOutOfRangeException()
    {
        var value = new string('ø', LineProtocolWriter.MaxStringFieldBytes / 2) + "a";

        Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").Field("s", value));
    }

    // Built in code: attribute arguments are stored as UTF-8, which would turn lone surrogates into U+FFFD.
    private static readonly string[] UnpairedSurrogates = ["\uD800", "a\uDC00b", "\uDE00\uD83D"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Tag_UnpairedSurrogate_ThrowsArgumentException(int index) =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Tag("k", UnpairedSurrogates[index]));

    [Fact]
    public void Tag_SurrogatePair_IsAccepted() =>
        Assert.Equal("🚜", PointData.Measurement("m").Tag("k", "🚜").GetTag("k"));

    [Fact]
    public void Field_UnpairedSurrogateInString_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => PointData.Measurement("m").Field("s", "ok\uD83D"));

    [Fact]
    public void Tag_EmptyOrNullValue_IsNotWritten()
    {
        var point = PointData.Measurement("m").Tag("zone", string.Empty).Tag("road", null).Field("v", 1L);

        Assert.Equal(0, point.Tags.Length);
        Assert.Equal("m v=1i", point.ToString());
    }

    [Fact]
    public void Tag_EmptyValueForExistingKey_RemovesTag()
    {
        var point = PointData.Measurement("m").Tag("a", "1").Tag("b", "2").Tag("a", string.Empty);

        Assert.Null(point.GetTag("a"));
        Assert.Equal("2", point.GetTag("b"));
    }

    [Fact]
    public void Tag_SameKeyTwice_LastValueWins()
    {
        var point = PointData.Measurement("m").Tag("device", "l1").Tag("device", "l2").Field("v", 1L);

        Assert.Equal("m,device=l2 v=1i", point.ToString());
    }

    [Fact]
    public void Field_SameKeyTwice_LastValueWinsInFirstPosition()
    {
        var point = PointData.Measurement("m").Field("a", 1L).Field("b", 2L).Field("a", "x");

        Assert.Equal("m a=\"x\",b=2i", point.ToString());
    }

    [Fact]
    public void Tag_ManyKeys_GrowsAndStaysSorted()
    {
        var point = PointData.Measurement("m");
        var keys = Enumerable.Range(0, 20).Select(i => $"k{(i * 7) % 20:00}").ToList();
        foreach (var key in keys)
        {
            point.Tag(key, "v");
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), point.Tags.ToArray().Select(t => t.Key));
    }

    [Fact]
    public void Timestamp_InfluxRangeLimits_AreAccepted()
    {
        // Line protocol reference, "Timestamp": -9223372036854775806 to 9223372036854775806 ns.
        Assert.Equal(-9223372036854775806, PointData.Measurement("m").TimestampNs(-9223372036854775806).TimestampNanoseconds);
        Assert.Equal(9223372036854775806, PointData.Measurement("m").TimestampNs(9223372036854775806).TimestampNanoseconds);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-9223372036854775807)]
    [InlineData(long.MaxValue)]
    public void TimestampNs_OutsideInfluxRange_ThrowsArgumentOutOfRangeException(long nanoseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").TimestampNs(nanoseconds));

    [Fact]
    public void Timestamp_AfterYear2262_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").Timestamp(new DateTimeOffset(2262, 4, 12, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Timestamp_BeforeYear1677_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").Timestamp(new DateTimeOffset(1677, 9, 21, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Measurement_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => PointData.Measurement(null!));
}
