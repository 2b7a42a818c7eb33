using System.Text.RegularExpressions;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>
/// Fills in an InfluxQL query as Grafana's InfluxDB data source does before it sends it: the time macros
/// (<c>$timeFilter</c>, <c>$__timeFilter</c>, <c>$__interval</c>, <c>$interval</c>, <c>$__interval_ms</c>) for a
/// relative range ending now, and the dashboard's variables in every syntax Grafana reads (<c>$name</c>,
/// <c>${name}</c>, <c>${name:format}</c>, <c>[[name]]</c>). A name that is neither a macro nor a variable is an
/// error, so a misspelt variable fails instead of reaching InfluxDB as text.
/// </summary>
/// <remarks>
/// Variable values follow the data source's rule (Grafana, plugins/datasource/influxdb, interpolateQueryExpr):
/// a multi-value or "All" variable is regex-escaped and, with several values, joined as <c>(a|b)</c>, because
/// InfluxQL queries compare it with <c>=~ /^$var$/</c>; a single-value variable is inserted as it is.
/// </remarks>
internal sealed partial class GrafanaQueryInterpolator(TimeSpan range, TimeSpan interval, IReadOnlyDictionary<string, VariableValue> variables)
{
    public string Interpolate(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return VariablePattern().Replace(query, match =>
        {
            var name = FirstGroup(match, 1, 2, 4)!;
            var format = FirstGroup(match, 3, 6);
            return Macro(name) ?? Variable(name, format, match.Value);
        });
    }

    /// <summary>Grafana's own escaping for values inside a regular expression.</summary>
    public static string EscapeRegex(string value) => RegexSpecials().Replace(value, @"\$0");

    private string? Macro(string name) => name switch
    {
        "timeFilter" or "__timeFilter" => $"time >= now() - {InfluxQl.FormatDuration(range)} and time <= now()",
        "__interval" or "interval" => InfluxQl.FormatDuration(interval),
        "__interval_ms" => ((long)interval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private string Variable(string name, string? format, string text)
    {
        if (!variables.TryGetValue(name, out var value))
        {
            throw new InvalidOperationException($"The query uses {text}, which is neither a Grafana macro nor a variable of the dashboard.");
        }

        return format switch
        {
            null => value.IsList ? RegexList(value.Values) : value.Values[0],
            "regex" => RegexList(value.Values),
            "csv" => string.Join(',', value.Values),
            "raw" => value.Values[0],
            _ => throw new NotSupportedException($"The variable format '{format}' in {text} is not one the dashboards use."),
        };
    }

    private static string RegexList(IReadOnlyList<string> values) =>
        values.Count == 1 ? EscapeRegex(values[0]) : "(" + string.Join('|', values.Select(EscapeRegex)) + ")";

    private static string? FirstGroup(Match match, params int[] groups) =>
        groups.Select(g => match.Groups[g]).FirstOrDefault(g => g.Success)?.Value;

    // Grafana's variable syntax (public/app/features/variables/utils.ts, variableRegex).
    [GeneratedRegex(@"\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"[\\^$*+?.()|[\]{}/]", RegexOptions.CultureInvariant)]
    private static partial Regex RegexSpecials();
}
