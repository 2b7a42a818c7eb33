using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartOverhalla.Contracts.Json;

/// <summary>
/// Reads any RFC 3339 date-time with an explicit offset and writes UTC with a <c>Z</c>
/// (design.md: <c>ts</c> is RFC 3339, UTC). A time without an offset is refused: a device clock
/// in unknown local time would write points at the wrong instant.
/// </summary>
public sealed class Rfc3339UtcConverter : JsonConverter<DateTimeOffset>
{
    private const string WriteFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <summary>Longest text accepted; RFC 3339 allows any fraction length, but no device needs more than nanoseconds.</summary>
    private const int MaxLength = 40;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected an RFC 3339 date-time string");
        }

        var text = reader.GetString();
        return TryParse(text, out var value)
            ? value
            : throw new JsonException("expected an RFC 3339 date-time with an offset, e.g. 2026-01-15T17:00:00Z");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[40];
        if (value.UtcDateTime.TryFormat(buffer, out var written, WriteFormat, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(value.UtcDateTime.ToString(WriteFormat, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Parses an RFC 3339 date-time; it must carry <c>Z</c> or a numeric offset.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) => TryParse(text.AsSpan(), out value);

    /// <summary>
    /// Parses an RFC 3339 (section 5.6) <c>date-time</c> strictly: <c>YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)</c>.
    /// The result is in UTC. A leap second (<c>:60</c>) is refused because .NET cannot represent it, and
    /// fraction digits beyond the 100 ns tick are dropped.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length is < 20 or > MaxLength
            || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or 't') || text[13] != ':' || text[16] != ':'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month)
            || !TryDigits(text, 8, 2, out var day) || !TryDigits(text, 11, 2, out var hour)
            || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            position++;
            var start = position;
            long scale = TimeSpan.TicksPerSecond;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                scale /= 10;
                fractionTicks += (text[position] - '0') * scale;
                position++;
            }

            if (position == start)
            {
                return false;
            }
        }

        if (!TryOffset(text[position..], out var offsetMinutes))
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    // time-offset = "Z" / ("+" / "-") time-hour ":" time-minute. "-00:00" (RFC 3339 section 4.3:
    // UTC known, local offset unknown) is accepted as UTC.
    private static bool TryOffset(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text.Length == 1)
        {
            return text[0] is 'Z' or 'z';
        }

        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !TryDigits(text, 1, 2, out var hours) || !TryDigits(text, 4, 2, out var mins)
            || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (text[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
