using System.Text.Json.Nodes;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>
/// Panels that count things (lit lamps, rejects, devices with an alarm): their title's unit is "(antall)", or a query
/// counts with <c>count(...)</c> and the title does not say the panel shows a share (%). Such a panel must show 0 when
/// nothing was counted, never Grafana's "No data": InfluxQL's <c>count()</c> over no points returns no rows rather
/// than 0 (also with <c>fill(0)</c>, which only fills series that exist), so each one needs <c>noValue</c> "0".
/// </summary>
internal static class CountPanel
{
    public const string Unit = "(antall)";

    public static bool Is(JsonObject panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var title = panel.Text("title") ?? string.Empty;
        if (title.Contains(Unit, StringComparison.Ordinal))
        {
            return true;
        }

        var counts = (panel["targets"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(t => (t.Text("query") ?? string.Empty).Contains("count(", StringComparison.OrdinalIgnoreCase));
        return counts && !title.Contains('%', StringComparison.Ordinal);
    }

    /// <summary>What Grafana shows instead of "No data" when the queries return no rows.</summary>
    public static string? NoValue(JsonObject panel) =>
        panel["fieldConfig"] is JsonObject config && config["defaults"] is JsonObject defaults ? defaults.Text("noValue") : null;
}
