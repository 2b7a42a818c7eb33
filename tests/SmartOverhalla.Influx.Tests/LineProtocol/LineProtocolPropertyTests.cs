using CsCheck;

namespace SmartOverhalla.Influx.Tests.LineProtocol;

/// <summary>
/// Properties over generated input. The decoder here is the rule InfluxDB's parser applies (line protocol
/// reference, "Special characters"; confirmed against 1.6): a backslash in front of a special character is
/// dropped, every other backslash is kept.
/// </summary>
public sealed class LineProtocolPropertyTests
{
    [Fact]
    public void ToLine_AnyValidTagValue_DecodesBackToOriginal()
    {
        Identifier(" ", ",", "=", "\"", "\t", "a", "ø", "\\a", "\\\\a", "\\,", "\\ ", "\\=", "\\\"")
            .Where(IsValidTagValue)
            .Sample(value =>
            {
                var line = PointData.Measurement("m").Tag("t", value).Field("v", 1L).ToString();
                var encoded = line["m,t=".Length..^" v=1i".Length];
                Assert.Equal(value, Unescape(encoded, ",= "));
            });
    }

    [Fact]
    public void ToLine_AnyValidMeasurement_DecodesBackToOriginal()
    {
        Identifier(" ", ",", "=", "\"", "a", "\\a", "\\\\a")
            .Where(IsValidIdentifier)
            .Sample(name =>
            {
                var line = PointData.Measurement(name).Field("v", 1L).ToString();
                Assert.Equal(name, Unescape(line[..^" v=1i".Length], ", "));
            });
    }

    [Fact]
    public void ToLine_AnyStringField_DecodesBackToOriginal()
    {
        Gen.String[Gen.OneOfConst(' ', ',', '=', '"', '\\', '\n', 'a')].Sample(value =>
        {
            var line = PointData.Measurement("m").Field("s", value).ToString();
            Assert.Equal(value, Unescape(line["m s=\"".Length..^1], "\"\\"));
        });
    }

    [Fact]
    public void ToLine_AnyFiniteDouble_ParsesBackToSameBits()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var text = PointData.Measurement("m").Field("f", value).ToString()["m f=".Length..];
            var parsed = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
        });
    }

    [Fact]
    public void Tag_AnyText_EitherRefusedOrDecodesBackToOriginal()
    {
        // The refusal rule is exactly the ambiguity: whatever is accepted must decode back.
        Gen.String[Gen.OneOfConst(' ', ',', '=', '"', '\\', 'a')].Where(s => s.Length > 0).Sample(value =>
        {
            PointData point;
            try
            {
                point = PointData.Measurement("m").Tag("t", value).Field("v", 1L);
            }
            catch (ArgumentException)
            {
                Assert.False(IsValidTagValue(value));
                return;
            }

            Assert.True(IsValidTagValue(value));
            Assert.Equal(value, Unescape(point.ToString()["m,t=".Length..^" v=1i".Length], ",= "));
        });
    }

    /// <summary>
    /// Strings built from tokens in which a backslash is followed by an ordinary character (so most generated
    /// strings are valid identifiers): filtering raw random strings instead rejects so many that CsCheck gives up
    /// on some seeds ("Where max count").
    /// </summary>
    private static Gen<string> Identifier(params string[] tokens) =>
        Gen.OneOfConst(tokens).Array[1, 24].Select(parts => string.Concat(parts));

    /// <summary>The documented rule: no backslash at the end or before comma, equals sign, space or double quote.</summary>
    private static bool IsValidIdentifier(string s) =>
        s.Length > 0 && !s.EndsWith('\\') &&
        !s.Contains("\\,", StringComparison.Ordinal) && !s.Contains("\\=", StringComparison.Ordinal) &&
        !s.Contains("\\ ", StringComparison.Ordinal) && !s.Contains("\\\"", StringComparison.Ordinal);

    /// <summary>Tag values: anything but a trailing backslash (InfluxDB's tag scanner and unescaper agree on the rest).</summary>
    private static bool IsValidTagValue(string s) => s.Length > 0 && !s.EndsWith('\\');

    private static string Unescape(string encoded, string specials)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '\\' && i + 1 < encoded.Length && specials.Contains(encoded[i + 1], StringComparison.Ordinal))
            {
                i++;
            }

            builder.Append(encoded[i]);
        }

        return builder.ToString();
    }
}
