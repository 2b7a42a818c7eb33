using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>Small, tolerant readers for the network servers' JSON: a field of the wrong type reads as absent.</summary>
internal static class JsonFields
{
    /// <summary>
    /// Whether <paramref name="payload"/> is valid UTF-8. <see cref="JsonDocument"/> accepts invalid UTF-8 inside a
    /// string and throws only when the string is read (<see cref="JsonElement.GetString"/>), so a parser that promises
    /// never to throw checks the encoding first, as the contract's PayloadReader does.
    /// </summary>
    public static bool IsUtf8(ReadOnlySequence<byte> payload) =>
        payload.IsSingleSegment ? Utf8.IsValid(payload.FirstSpan) : Utf8.IsValid(payload.ToArray());

    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static JsonElement? Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : null;

    public static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool? Boolean(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    /// <summary>A number, or a string holding one (protobuf's JSON mapping writes 64-bit integers as strings).</summary>
    public static double? Number(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => number,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="name"/> is present with a value other than null.</summary>
    public static bool Has(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public static DateTimeOffset? Time(JsonElement parent, string name) =>
        String(parent, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
