using SmartOverhalla.Influx;

namespace SmartOverhalla.Dashboards.Tests.Queries;

/// <summary>
/// What "the query found data" means for a dashboard: at least one row, every column holds a value somewhere
/// (InfluxDB answers a misspelt field in a raw SELECT with a column of nulls, not an error), and every
/// GROUP BY tag has a value (a misspelt tag groups everything under an empty one).
/// </summary>
internal static class QueryData
{
    public static void AssertFound(InfluxStatementResult result, string what, string query)
    {
        var series = result.Series;
        if (series.Count == 0 || series.All(s => s.RowCount == 0))
        {
            Assert.Fail($"{what}: the query returned no rows.\n{query}");
        }

        foreach (var column in series.SelectMany(s => s.Columns).Distinct(StringComparer.Ordinal).Where(c => c != "time"))
        {
            var hasValue = series.Any(s => s.GetColumnIndex(column) is var index and >= 0
                && Enumerable.Range(0, s.RowCount).Any(row => s.GetValue(row, index).ValueKind != System.Text.Json.JsonValueKind.Null));
            if (!hasValue)
            {
                Assert.Fail($"{what}: column '{column}' has no value in any row (a misspelt field?).\n{query}");
            }
        }

        foreach (var (tag, _) in series.SelectMany(s => s.Tags).Where(t => string.IsNullOrEmpty(t.Value)))
        {
            Assert.Fail($"{what}: GROUP BY tag '{tag}' has an empty value (a misspelt tag?).\n{query}");
        }
    }
}
