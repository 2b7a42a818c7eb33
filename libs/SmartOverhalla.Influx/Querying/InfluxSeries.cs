using System.Globalization;
using System.Text.Json;

namespace SmartOverhalla.Influx;

/// <summary>
/// One series of a statement result: name, group-by tags, columns and rows of JSON values. Typed getters
/// return null for JSON null (InfluxQL's "no value in this row").
/// </summary>
public sealed class InfluxSeries
{
    private readonly JsonElement[][] _rows;
    private readonly Dictionary<string, int> _columnIndex;

    internal InfluxSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns, JsonElement[][] rows, bool isPartial)
    {
        Name = name;
        Tags = tags;
        Columns = columns;
        _rows = rows;
        IsPartial = isPartial;
        _columnIndex = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            // Keep the first when a name repeats (e.g. SELECT a, a), as readers expect.
            _columnIndex.TryAdd(columns[i], i);
        }
    }

    /// <summary>The series name (usually the measurement; for SHOW statements, what was shown).</summary>
    public string Name { get; }

    /// <summary>Tags of this group (GROUP BY); empty when not grouped.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Column names; <c>time</c> first for data queries.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _rows.Length;

    /// <summary>True when the server split this series (chunking or row limit).</summary>
    public bool IsPartial { get; }

    /// <summary>The index of <paramref name="column"/>, or -1.</summary>
    public int GetColumnIndex(string column) => _columnIndex.GetValueOrDefault(column, -1);

    /// <summary>The raw JSON value at <paramref name="row"/>, <paramref name="column"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public JsonElement GetValue(int row, string column) => _rows[row][RequireColumn(column)];

    /// <summary>The raw JSON value at <paramref name="row"/>, <paramref name="column"/> index.</summary>
    public JsonElement GetValue(int row, int column) => _rows[row][column];

    /// <summary>A number (integer or float column; InfluxDB writes whole floats without a decimal point).</summary>
    public double? GetDouble(int row, string column)
    {
        var value = Get(row, column, JsonValueKind.Number, "a number");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
    }

    /// <summary>An integer (throws <see cref="FormatException"/> for a fractional number).</summary>
    public long? GetInt64(int row, string column)
    {
        var value = Get(row, column, JsonValueKind.Number, "an integer");
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.TryGetInt64(out var result)
            ? result
            : throw new FormatException($"Column '{column}' row {row} is {value.GetRawText()}, not an integer.");
    }

    /// <summary>A boolean.</summary>
    public bool? GetBoolean(int row, string column)
    {
        var value = GetValue(row, column);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw WrongKind(value, row, column, "a boolean"),
        };
    }

    /// <summary>A string (also tag values and SHOW results).</summary>
    public string? GetString(int row, string column)
    {
        var value = Get(row, column, JsonValueKind.String, "a string");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetString();
    }

    /// <summary>The <c>time</c> column in nanoseconds since the Unix epoch (exact).</summary>
    public long GetTimeNanoseconds(int row) => GetInt64(row, "time") ?? throw new FormatException($"Row {row} has no time.");

    /// <summary>The <c>time</c> column as UTC, truncated to 100 ns (<see cref="DateTimeOffset"/> resolution).</summary>
    public DateTimeOffset GetTime(int row) =>
        DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(GetTimeNanoseconds(row), TimeSpan.NanosecondsPerTick) is var (q, r) && r < 0 ? q - 1 : q);

    private JsonElement Get(int row, string column, JsonValueKind expected, string what)
    {
        var value = GetValue(row, column);
        return value.ValueKind == expected || value.ValueKind == JsonValueKind.Null ? value : throw WrongKind(value, row, column, what);
    }

    private static FormatException WrongKind(JsonElement value, int row, string column, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Column '{column}' row {row} is {value.ValueKind} ({value.GetRawText()}), not {what}."));

    private int RequireColumn(string column)
    {
        var index = GetColumnIndex(column);
        return index >= 0 ? index : throw new KeyNotFoundException($"Series '{Name}' has no column '{column}' (columns: {string.Join(", ", Columns)}).");
    }
}
