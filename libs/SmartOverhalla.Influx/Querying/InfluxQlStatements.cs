namespace SmartOverhalla.Influx;

/// <summary>Tells reads from writes, to pick GET or POST for <c>/query</c>.</summary>
internal static class InfluxQlStatements
{
    /// <summary>
    /// True for a single <c>SELECT</c> without <c>INTO</c> or a single <c>SHOW</c>. When unsure it says
    /// false: POST is accepted for every statement, GET only for reads (HTTP API reference, "/query").
    /// </summary>
    public static bool IsReadOnly(string influxQl)
    {
        var text = influxQl.AsSpan().Trim().TrimEnd(';').TrimEnd();
        if (text.Contains(';'))
        {
            return false;
        }

        if (text.StartsWith("SHOW", StringComparison.OrdinalIgnoreCase))
        {
            return IsWordEnd(text, 4);
        }

        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && IsWordEnd(text, 6) &&
            !text.Contains("INTO", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWordEnd(ReadOnlySpan<char> text, int index) => text.Length > index && char.IsWhiteSpace(text[index]);
}
