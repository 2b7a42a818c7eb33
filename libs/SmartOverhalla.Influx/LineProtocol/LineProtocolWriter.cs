using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace SmartOverhalla.Influx;

/// <summary>
/// Encodes <see cref="PointData"/> as InfluxDB 1.x line protocol, UTF-8, one point per line, precision ns:
/// <c>measurement[,tag=value...] field=value[,field=value...] [timestamp]\n</c>.
/// </summary>
/// <remarks>
/// Escaping follows the line protocol reference ("Special characters"): measurement names escape comma and
/// space; tag keys, tag values and field keys escape comma, equals sign and space; string field values are
/// double-quoted and escape double quote and backslash. Outside string fields a backslash is written as it
/// is: line protocol has no escape for it there (so a tag value <c>a\,b</c> is written <c>a\\,b</c>, which InfluxDB
/// reads back as <c>a\,b</c>). What the syntax cannot carry is refused by
/// <see cref="PointData"/> when the point is built (line breaks and ambiguous backslashes in identifiers, a
/// measurement starting with <c>#</c>, NaN/infinity, ...), so encoding a built point cannot fail except for
/// a point without fields.
/// </remarks>
public static class LineProtocolWriter
{
    /// <summary>
    /// Largest string field value, in UTF-8 bytes: 64 KiB, the limit in the line protocol reference ("Data
    /// types: String"). InfluxDB 1.6 itself stores longer strings, but 2.x/3.x and the docs do not promise it.
    /// </summary>
    public const int MaxStringFieldBytes = 64 * 1024;

    /// <summary>Appends <paramref name="point"/> and a newline to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The point has no fields.</exception>
    public static void Write(PointData point, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(output);
        WriteLine(point, output);
        WriteByte(output, (byte)'\n');
    }

    /// <summary>Appends every point, each followed by a newline.</summary>
    /// <exception cref="ArgumentException">A point has no fields (nothing is written in that case).</exception>
    public static void Write(IReadOnlyList<PointData> points, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(output);

        // Check first, so a bad batch leaves the buffer as it was.
        for (var i = 0; i < points.Count; i++)
        {
            // No ThrowIfNull with an interpolated name here: it would build a string for every point.
            EnsureHasFields(points[i] ?? throw new ArgumentException($"Point {i} of the batch is null.", nameof(points)));
        }

        for (var i = 0; i < points.Count; i++)
        {
            WriteLine(points[i], output);
            WriteByte(output, (byte)'\n');
        }
    }

    /// <summary>The point as one line of line protocol, without the trailing newline.</summary>
    public static string ToLine(PointData point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteLine(point, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteLine(PointData point, IBufferWriter<byte> output)
    {
        EnsureHasFields(point);
        LineProtocolEscaper.Write(output, point.MeasurementName, LineProtocolEscaper.MeasurementSpecials);
        foreach (var tag in point.Tags)
        {
            WriteByte(output, (byte)',');
            LineProtocolEscaper.Write(output, tag.Key, LineProtocolEscaper.KeySpecials);
            WriteByte(output, (byte)'=');
            LineProtocolEscaper.Write(output, tag.Value, LineProtocolEscaper.KeySpecials);
        }

        var separator = (byte)' ';
        foreach (var field in point.Fields)
        {
            WriteByte(output, separator);
            separator = (byte)',';
            LineProtocolEscaper.Write(output, field.Key, LineProtocolEscaper.KeySpecials);
            WriteByte(output, (byte)'=');
            WriteFieldValue(output, field.Value);
        }

        if (point.TimestampNanoseconds is { } timestamp)
        {
            WriteByte(output, (byte)' ');
            WriteInt64(output, timestamp);
        }
    }

    private static void WriteFieldValue(IBufferWriter<byte> output, FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Integer:
                WriteInt64(output, value.AsInt64());
                WriteByte(output, (byte)'i');
                break;
            case FieldValueKind.Float:
                WriteDouble(output, value.AsDouble());
                break;
            case FieldValueKind.Boolean:
                WriteAscii(output, value.AsBoolean() ? "true"u8 : "false"u8);
                break;
            default:
                WriteByte(output, (byte)'"');
                LineProtocolEscaper.Write(output, value.AsString(), LineProtocolEscaper.StringFieldSpecials);
                WriteByte(output, (byte)'"');
                break;
        }
    }

    private static void WriteInt64(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    private static void WriteDouble(IBufferWriter<byte> output, double value)
    {
        // Shortest round-trip form ("R" semantics since .NET Core 3.0), invariant: '.' as decimal separator
        // and an exponent such as 1E+300, which InfluxDB parses (line protocol "Float": Go ParseFloat syntax).
        var span = output.GetSpan(32);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    private static void WriteAscii(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static void EnsureHasFields(PointData point)
    {
        if (point.Fields.IsEmpty)
        {
            throw new ArgumentException(
                $"Point in measurement '{point.MeasurementName}' has no fields; line protocol requires at least one field.",
                nameof(point));
        }
    }
}
