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
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length < 20 || text.Length > 40 || text[10] is not ('T' or 't'))
        {
            return false;
        }

        var last = text[^1];
        var hasOffset = last is 'Z' or 'z' || (text.Length >= 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out value);
    }
}
