using System.Text.Json.Nodes;
using SmartOverhalla.Dashboards.Tests.Grafana;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Dashboards.Tests.Queries;

/// <summary>
/// The rows Grafana shows in the Plattform dashboard's "Svakeste enheter (radio)": the query's series merged into one
/// table, then sorted and cut as the panel's own <c>sortBy</c> and <c>limit</c> transformations say, and the text its
/// value mappings give the assessment column. Read from the panel, so a changed sort or limit is what the test sees.
/// </summary>
internal static class WeakestDevicesTable
{
    internal sealed record Row(string Device, double Rssi, double? Score);

    public static List<Row> Rows(JsonObject panel, InfluxStatementResult result)
    {
        var rows = result.Series
            .SelectMany(s => Enumerable.Range(0, s.RowCount).Select(row => new Row(
                s.Tags.GetValueOrDefault("device") ?? string.Empty,
                s.GetDouble(row, "rssi") ?? double.NaN,
                s.GetDouble(row, "vurdering"))))
            .ToList();
        var transformations = (panel["transformations"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var sort = (transformations.Single(t => t.Text("id") == "sortBy")["options"]?["sort"] as JsonArray)?.OfType<JsonObject>().Single()
            ?? throw new InvalidOperationException("The panel has no sortBy transformation.");
        Assert.Equal("rssi", sort.Text("field"));
        var sorted = sort.Flag("desc") ? rows.OrderByDescending(r => r.Rssi) : rows.OrderBy(r => r.Rssi);
        var limit = (int)((transformations.Single(t => t.Text("id") == "limit")["options"] as JsonObject)?.Number("limitField")
            ?? throw new InvalidOperationException("The panel has no limit transformation."));
        return [.. sorted.Take(limit)];
    }

    /// <summary>The text of the first range mapping of the assessment column that holds <paramref name="score"/>, as Grafana picks it.</summary>
    public static string? Assessment(JsonObject panel, double? score)
    {
        var overrides = ((panel["fieldConfig"] as JsonObject)?["overrides"] as JsonArray ?? []).OfType<JsonObject>();
        var column = overrides.Single(o => (o["matcher"] as JsonObject)?.Text("options") == "vurdering");
        var mappings = (column["properties"] as JsonArray ?? []).OfType<JsonObject>().Single(p => p.Text("id") == "mappings")["value"] as JsonArray ?? [];
        return score is not { } value
            ? null
            : mappings.OfType<JsonObject>()
                .Select(m => m["options"] as JsonObject ?? [])
                .FirstOrDefault(o => o.Number("from") <= value && value <= o.Number("to"))?["result"]?.AsObject().Text("text");
    }
}
