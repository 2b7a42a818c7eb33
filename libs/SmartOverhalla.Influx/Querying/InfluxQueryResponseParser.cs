using System.Net;
using System.Text.Json;

namespace SmartOverhalla.Influx;

/// <summary>
/// Reads the JSON answer of <c>/query</c>: <c>{"results":[{"statement_id":0,"series":[{"name","tags","columns","values"}],"error"}],"error"}</c>
/// (HTTP API reference, "/query" responses).
/// </summary>
internal static class InfluxQueryResponseParser
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>Parses <paramref name="root"/>, which must outlive the result (a cloned element, not a pooled document's).</summary>
    public static InfluxQueryResult Parse(JsonElement root, HttpStatusCode statusCode)
    {
        if (root.TryGetProperty("error", out var topError) && topError.ValueKind == JsonValueKind.String)
        {
            var message = topError.GetString();
            throw new InfluxQueryException($"InfluxDB query failed: {message}", statusCode, message, isTransient: false);
        }

        var statements = new List<InfluxStatementResult>();
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                statements.Add(ParseStatement(result, statusCode));
            }
        }

        return new InfluxQueryResult(statements);
    }

    private static InfluxStatementResult ParseStatement(JsonElement result, HttpStatusCode statusCode)
    {
        var id = result.TryGetProperty("statement_id", out var idElement) && idElement.TryGetInt32(out var value) ? value : 0;
        if (result.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            // A statement error (e.g. "database not found: x") arrives with HTTP 200: it is still a failure.
            var message = error.GetString();
            throw new InfluxQueryException($"InfluxDB statement {id} failed: {message}", statusCode, message, isTransient: false, statementId: id);
        }

        var series = new List<InfluxSeries>();
        if (result.TryGetProperty("series", out var seriesArray) && seriesArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in seriesArray.EnumerateArray())
            {
                series.Add(ParseSeries(item));
            }
        }

        return new InfluxStatementResult(id, series, IsTrue(result, "partial"));
    }

    private static InfluxSeries ParseSeries(JsonElement item)
    {
        var name = item.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? string.Empty : string.Empty;
        var tags = NoTags;
        if (item.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind == JsonValueKind.Object)
        {
            var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tagsElement.EnumerateObject())
            {
                dictionary[tag.Name] = tag.Value.GetString() ?? string.Empty;
            }

            tags = dictionary;
        }

        var columns = new List<string>();
        if (item.TryGetProperty("columns", out var columnsElement) && columnsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var column in columnsElement.EnumerateArray())
            {
                columns.Add(column.GetString() ?? string.Empty);
            }
        }

        var rows = new List<JsonElement[]>();
        if (item.TryGetProperty("values", out var valuesElement) && valuesElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in valuesElement.EnumerateArray())
            {
                var cells = new JsonElement[columns.Count];
                var i = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    if (i < cells.Length)
                    {
                        cells[i++] = cell;
                    }
                }

                rows.Add(cells);
            }
        }

        return new InfluxSeries(name, tags, columns, [.. rows], IsTrue(item, "partial"));
    }

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
