using System.Globalization;
using System.Text.Json;

namespace SmartOverhalla.LoRaWan.Translation;

/// <summary>Finds a dotted path in a codec's decoded object.</summary>
internal static class DecodedValues
{
    /// <summary>The value at <paramref name="path"/>; null when a segment is absent or the value is JSON null.</summary>
    public static JsonElement? Find(JsonElement decoded, string path)
    {
        var current = decoded;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }
}
