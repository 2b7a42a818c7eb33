using System.Buffers;
using System.Text;

namespace SmartOverhalla.Influx;

/// <summary>
/// What InfluxDB 1.x line protocol cannot carry, checked when a point is built. Each rule was confirmed
/// against InfluxDB 1.6 (see tests/SmartOverhalla.Influx.Tests, round-trip tests).
/// </summary>
internal static class LineProtocolRules
{
    /// <summary>Smallest and largest timestamps InfluxDB accepts (line protocol reference, "Timestamp"), in ns.</summary>
    public const long MinTimestampNs = long.MinValue + 2;

    /// <inheritdoc cref="MinTimestampNs"/>
    public const long MaxTimestampNs = long.MaxValue - 1;

    /// <summary>Characters some identifier rule is about: line breaks, backslash, UTF-16 surrogates.</summary>
    private static readonly SearchValues<char> IdentifierSuspects = SearchValues.Create(
        "\n\r\\" + string.Create(0xE000 - 0xD800, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)(0xD800 + i);
            }
        }));

    public static void ValidateMeasurement(string name)
    {
        ValidateIdentifier(name, "measurement name", nameof(name));

        // A line starting with '#' is a comment and is silently dropped; leading tabs are trimmed by the
        // parser. Neither can be escaped (InfluxDB keeps the backslash), so such names cannot be written.
        if (name[0] is '#' or '\t')
        {
            throw new ArgumentException($"Measurement name '{name}' starts with '{(name[0] == '#' ? "#" : "\\t")}', which line protocol reads as a comment or trims.", nameof(name));
        }
    }

    public static void ValidateTagKey(string key)
    {
        ValidateIdentifier(key, "tag key", nameof(key));
        RefuseTime(key, "tag key");
    }

    public static void ValidateTagValue(string key, string value)
    {
        if (value.AsSpan().IndexOfAny(IdentifierSuspects) < 0)
        {
            return;
        }

        ValidateText(value, "value of tag", key, nameof(value));

        // Tag values are the one place where a backslash before a special character is unambiguous: InfluxDB's
        // tag scanner ends a value only at a comma, space or equals sign *not* preceded by a backslash, and its
        // unescaper then removes the backslash of each "\," "\ " "\=" pair (a double quote means nothing there,
        // so "\"" is kept as it is). The writer keeps the value's own
        // backslash and escapes the special character after it ("a\,b" is written "a\\,b"), and the pair it adds is
        // the one removed, so the value comes back exactly (confirmed against InfluxDB 1.6, including after a
        // restart; LineProtocolRoundTripTests). Only a trailing backslash is still refused: it would escape the
        // separator after the value ("invalid tag format").
        if (value[^1] == '\\')
        {
            throw new ArgumentException($"The {Describe("value of tag", key)} '{value}' ends with a backslash, which would escape the separator after it in line protocol.", nameof(value));
        }
    }

    public static void ValidateFieldKey(string key)
    {
        ValidateIdentifier(key, "field key", nameof(key));
        RefuseTime(key, "field key");
    }

    public static long ToInteger(string key, ulong value)
    {
        // InfluxDB 1.x reads "123u" only when built with unsigned support, which the Debian packages are not
        // ("invalid number" from 1.6.7, confirmed by LineProtocolRoundTripTests), and 2.x/3.x type such a
        // field differently from "123i". So an unsigned value is written as the signed integer it equals, and
        // one beyond long.MaxValue is refused rather than silently rounded to a float.
        if (value > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Field '{key}' is {value}, above the largest InfluxDB integer ({long.MaxValue}); line protocol integers are signed 64-bit.");
        }

        return (long)value;
    }

    public static void ValidateFloat(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Field '{key}' is {value}; line protocol floats must be finite (no NaN or infinity).");
        }
    }

    public static void ValidateStringField(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ValidateUtf16(value, "string field", key, nameof(value));

        // Fast path: at most 3 UTF-8 bytes per UTF-16 unit, so short strings need no counting.
        if (value.Length > LineProtocolWriter.MaxStringFieldBytes / 3 &&
            Encoding.UTF8.GetByteCount(value) is var bytes && bytes > LineProtocolWriter.MaxStringFieldBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"String field '{key}' is {bytes} UTF-8 bytes; the line protocol limit is {LineProtocolWriter.MaxStringFieldBytes} (64 KiB).");
        }
    }

    public static void ValidateTimestamp(long nanoseconds)
    {
        if (nanoseconds is < MinTimestampNs or > MaxTimestampNs)
        {
            throw new ArgumentOutOfRangeException(nameof(nanoseconds), nanoseconds, "Timestamp outside InfluxDB's range (1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z).");
        }
    }

    public static long ToUnixNanoseconds(DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks is < MinTimestampNs / TimeSpan.NanosecondsPerTick or > MaxTimestampNs / TimeSpan.NanosecondsPerTick)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "Timestamp outside InfluxDB's range (1677-09-21 to 2262-04-11).");
        }

        return ticks * TimeSpan.NanosecondsPerTick;
    }

    private static void ValidateIdentifier(string value, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length == 0)
        {
            throw new ArgumentException($"The {what} is empty; line protocol requires one.", paramName);
        }

        ValidateIdentifierText(value, what, null, paramName);
    }

    private static void ValidateIdentifierText(string value, string what, string? key, string paramName)
    {
        // One vectorised scan for anything a rule is about; the detailed checks run only when it finds some.
        if (value.AsSpan().IndexOfAny(IdentifierSuspects) < 0)
        {
            return;
        }

        ValidateText(value, what, key, paramName);
        RefuseAmbiguousBackslash(value, what, key, paramName);
    }

    private static void ValidateText(string value, string what, string? key, string paramName)
    {
        // A newline ends the line and cannot be escaped outside a string field value. A carriage return is
        // stored, but InfluxQL's reader turns it into a newline and has no escape for it, so a name or tag
        // value holding one could never be selected again: refused as well.
        if (value.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException($"The {Describe(what, key)} '{value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}' contains a line break, which line protocol (newline) or InfluxQL (carriage return) cannot carry outside string field values.", paramName);
        }

        ValidateUtf16(value, what, key, paramName);
    }

    private static void RefuseAmbiguousBackslash(string value, string what, string? key, string paramName)
    {
        // Outside string fields line protocol has no escape for the backslash itself, and InfluxDB 1.6's
        // parsers for names and keys disagree on a backslash in front of a special character (each case
        // confirmed against the server): field keys read two backslashes as a pair and then fail on the bare
        // comma, measurement names are unescaped twice, and backslash-quote loses its backslash in measurements
        // and field keys. A trailing backslash escapes the separator after it ("invalid tag format"). So in
        // measurements, tag keys and field keys a backslash is allowed only where no parser can take it for an
        // escape: not last, and not in front of a comma, equals sign, space or double quote. (Tag values have
        // their own, wider rule: ValidateTagValue.)
        var index = value.IndexOf('\\', StringComparison.Ordinal);
        while (index >= 0)
        {
            if (index == value.Length - 1 || value[index + 1] is ',' or '=' or ' ' or '"')
            {
                var where = index == value.Length - 1 ? "ends with a backslash" : $"has a backslash before '{value[index + 1]}' at index {index}";
                throw new ArgumentException($"The {Describe(what, key)} '{value}' {where}, which InfluxDB line protocol cannot carry unambiguously.", paramName);
            }

            index = value.IndexOf('\\', index + 1);
        }
    }

    private static void RefuseTime(string key, string what)
    {
        // InfluxDB 1.x drops such points: "partial write: invalid field name: input field "time" ... is invalid".
        if (key == "time")
        {
            throw new ArgumentException($"'time' is not allowed as a {what}; InfluxDB reserves it for the timestamp.", nameof(key));
        }
    }

    private static void ValidateUtf16(string value, string what, string? key, string paramName)
    {
        var span = value.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return;
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                throw new ArgumentException($"The {Describe(what, key)} contains an unpaired UTF-16 surrogate at index {i}; it cannot be encoded as UTF-8.", paramName);
            }
        }
    }

    // Error texts are composed only when thrown: validation runs for every tag and field on the hot path.
    private static string Describe(string what, string? key) => key is null ? what : $"{what} '{key}'";
}
