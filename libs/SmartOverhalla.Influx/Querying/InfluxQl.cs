using System.Globalization;
using System.Text;

namespace SmartOverhalla.Influx;

/// <summary>
/// Safe pieces of InfluxQL text, so a query built from user input can never be injected: identifiers and
/// string literals are quoted and escaped, times and durations are formatted, never pasted.
/// </summary>
/// <remarks>
/// InfluxQL reference, "Identifiers" and "Literals": identifiers are double-quoted, strings single-quoted;
/// inside either, the scanner understands <c>\\</c>, <c>\"</c>, <c>\'</c> and <c>\n</c>. Its reader turns every carriage
/// return into a newline and has no escape for it, so text with a carriage return cannot be written in
/// InfluxQL at all and is refused (match it with a regular expression instead).
/// </remarks>
public static class InfluxQl
{
    /// <summary><paramref name="name"/> as a double-quoted identifier, e.g. <c>"dim level"</c>.</summary>
    /// <exception cref="ArgumentException">Empty, or contains a carriage return.</exception>
    public static string QuoteIdentifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Quote(name, '"', nameof(name));
    }

    /// <summary><paramref name="value"/> as a single-quoted string literal, e.g. <c>'O\'Brien'</c>.</summary>
    /// <exception cref="ArgumentException">Contains a carriage return.</exception>
    public static string QuoteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Quote(value, '\'', nameof(value));
    }

    /// <summary>The condition <c>time &gt;= from AND time &lt; to</c> (a half-open range), for a WHERE clause.</summary>
    public static string TimeRange(DateTimeOffset from, DateTimeOffset to) => $"time >= {FormatTime(from)} AND time < {FormatTime(to)}";

    /// <summary>A time literal with full precision, e.g. <c>'2025-01-31T23:00:00.1234567Z'</c> (RFC 3339, UTC).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        "'" + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'";

    /// <summary>
    /// A duration literal in the largest unit that is exact, e.g. <c>30d</c>, <c>90m</c>, <c>1500ms</c>
    /// (InfluxQL reference, "Durations": ns, u, ms, s, m, h, d, w).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public static string FormatDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var ticks = duration.Ticks;
        ReadOnlySpan<(long Ticks, string Unit)> units =
        [
            (TimeSpan.TicksPerDay * 7, "w"),
            (TimeSpan.TicksPerDay, "d"),
            (TimeSpan.TicksPerHour, "h"),
            (TimeSpan.TicksPerMinute, "m"),
            (TimeSpan.TicksPerSecond, "s"),
            (TimeSpan.TicksPerMillisecond, "ms"),
            (TimeSpan.TicksPerMicrosecond, "u"),
        ];
        foreach (var (unitTicks, unit) in units)
        {
            if (ticks != 0 && ticks % unitTicks == 0)
            {
                return (ticks / unitTicks).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return (ticks * TimeSpan.NanosecondsPerTick).ToString(CultureInfo.InvariantCulture) + "ns";
    }

    private static string Quote(string text, char quote, string paramName)
    {
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("InfluxQL cannot express a carriage return in a quoted identifier or string (its reader turns CR into LF); match such text with a regular expression.", paramName);
        }

        var builder = new StringBuilder(text.Length + 8);
        builder.Append(quote);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '"' or '\'' when ch == quote:
                    builder.Append('\\').Append(ch);
                    break;
                default:
                    builder.Append(ch);
                    break;
            }
        }

        return builder.Append(quote).ToString();
    }
}
