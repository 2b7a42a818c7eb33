using System.Globalization;
using System.Text;

namespace SmartOverhalla.Influx.Tests.LineProtocol;

/// <summary>One line read back: what InfluxDB 1.x would store.</summary>
internal sealed record ParsedLine(
    string Measurement,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<KeyValuePair<string, FieldValue>> Fields,
    long? Timestamp);

/// <summary>
/// An independent reader of one line of InfluxDB 1.x line protocol, written from the reference ("Syntax",
/// "Special characters") and the parser behaviour the round-trip tests confirmed against the server: a backslash in
/// front of one of its element's special characters escapes it, every other backslash is kept as it is. Outside
/// a quoted string field a line ends at the first newline. Throws <see cref="FormatException"/> on anything else.
/// </summary>
internal static class LineProtocolTestParser
{
    public static ParsedLine Parse(string line)
    {
        var position = 0;
        var measurement = ReadUntil(line, ref position, ", ", ", ");
        var tags = new List<KeyValuePair<string, string>>();
        while (position < line.Length && line[position] == ',')
        {
            position++;
            var key = ReadUntil(line, ref position, "=", ",= ");
            Expect(line, ref position, '=');
            tags.Add(new(key, ReadUntil(line, ref position, ", ", ",= ")));
        }

        Expect(line, ref position, ' ');
        var fields = new List<KeyValuePair<string, FieldValue>>();
        do
        {
            var key = ReadUntil(line, ref position, "=", ",= ");
            Expect(line, ref position, '=');
            fields.Add(new(key, ReadFieldValue(line, ref position)));
        }
        while (position < line.Length && line[position] == ',' && ++position > 0);

        long? timestamp = null;
        if (position < line.Length)
        {
            Expect(line, ref position, ' ');
            timestamp = long.Parse(line.AsSpan(position), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            position = line.Length;
        }

        return new ParsedLine(measurement, tags, fields, timestamp);
    }

    private static string ReadUntil(string line, ref int position, string terminators, string escapable)
    {
        var builder = new StringBuilder();
        while (position < line.Length && !terminators.Contains(line[position], StringComparison.Ordinal))
        {
            var c = line[position];
            if (c == '\n')
            {
                throw new FormatException($"Line break outside a string field at {position}.");
            }

            if (c == '\\' && position + 1 < line.Length && escapable.Contains(line[position + 1], StringComparison.Ordinal))
            {
                position++;
                c = line[position];
            }

            builder.Append(c);
            position++;
        }

        if (builder.Length == 0)
        {
            throw new FormatException($"Empty element at {position}.");
        }

        return builder.ToString();
    }

    private static FieldValue ReadFieldValue(string line, ref int position)
    {
        if (position < line.Length && line[position] == '"')
        {
            position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (position >= line.Length)
                {
                    throw new FormatException("Unterminated string field.");
                }

                var c = line[position++];
                if (c == '"')
                {
                    return FieldValue.FromString(builder.ToString());
                }

                if (c == '\\' && position < line.Length && line[position] is '"' or '\\')
                {
                    c = line[position++];
                }

                builder.Append(c);
            }
        }

        var start = position;
        while (position < line.Length && line[position] is not (',' or ' '))
        {
            position++;
        }

        var text = line[start..position];
        return text switch
        {
            "true" or "t" or "T" or "True" or "TRUE" => FieldValue.FromBoolean(true),
            "false" or "f" or "F" or "False" or "FALSE" => FieldValue.FromBoolean(false),
            _ when text.EndsWith('i') => FieldValue.FromInt64(long.Parse(text[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            _ => FieldValue.FromDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        };
    }

    private static void Expect(string line, ref int position, char expected)
    {
        if (position >= line.Length || line[position] != expected)
        {
            throw new FormatException($"Expected '{expected}' at {position}.");
        }

        position++;
    }
}
