using System.Buffers;
using System.Text.Unicode;

namespace SmartOverhalla.Influx;

/// <summary>Writes text as UTF-8 with a backslash in front of each special character of its line protocol element.</summary>
internal static class LineProtocolEscaper
{
    /// <summary>Measurement names: comma and space (line protocol reference, "Special characters").</summary>
    public static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", ");

    /// <summary>Tag keys, tag values and field keys: comma, equals sign and space.</summary>
    public static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= ");

    /// <summary>String field values (inside double quotes): double quote and backslash.</summary>
    public static readonly SearchValues<char> StringFieldSpecials = SearchValues.Create("\"\\");

    public static void Write(IBufferWriter<byte> output, string text, SearchValues<char> specials)
    {
        var rest = text.AsSpan();
        while (true)
        {
            // Vectorised search: the common case (nothing to escape) is one scan and one transcode.
            var index = rest.IndexOfAny(specials);
            var run = index < 0 ? rest : rest[..index];
            if (!run.IsEmpty)
            {
                WriteUtf8(output, run);
            }

            if (index < 0)
            {
                return;
            }

            // Every special character is ASCII, so it is one byte in UTF-8.
            var span = output.GetSpan(2);
            span[0] = (byte)'\\';
            span[1] = (byte)rest[index];
            output.Advance(2);
            rest = rest[(index + 1)..];
        }
    }

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        // Three bytes per UTF-16 code unit is the worst case (a surrogate pair is two units, four bytes).
        var span = output.GetSpan(text.Length * 3);
        var status = Utf8.FromUtf16(text, span, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // PointData refuses unpaired surrogates, so this means a bug, not bad input.
            throw new InvalidOperationException($"UTF-8 encoding failed: {status}.");
        }

        output.Advance(written);
    }
}
