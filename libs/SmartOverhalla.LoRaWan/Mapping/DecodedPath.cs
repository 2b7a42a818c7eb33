namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>A dotted path into a codec's decoded object, e.g. <c>alarms.leak</c> or <c>readings.0.value</c> (a number indexes an array).</summary>
internal static class DecodedPath
{
    public const int MaxLength = 200;

    public static bool IsValid(string? path) =>
        path is { Length: > 0 and <= MaxLength }
        && path.Split('.').All(segment => segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'));
}
