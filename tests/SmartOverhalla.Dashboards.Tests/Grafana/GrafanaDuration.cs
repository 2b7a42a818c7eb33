using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>Grafana's short durations as panels and variables write them: <c>500ms</c>, <c>10s</c>, <c>1m</c>, <c>3h</c>, <c>1d</c>, <c>1w</c>.</summary>
internal static partial class GrafanaDuration
{
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a Grafana duration such as 10s, 1m or 3h.");
        }

        var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
    }

    [GeneratedRegex(@"^\s*(\d+)(ms|s|m|h|d|w)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
