namespace SmartOverhalla.Influx;

/// <summary>The answer to one <c>/query</c> call: one result per statement, in order.</summary>
public sealed class InfluxQueryResult
{
    internal InfluxQueryResult(IReadOnlyList<InfluxStatementResult> statements)
    {
        Statements = statements;
        Series = statements.Count == 1 ? statements[0].Series : [.. statements.SelectMany(s => s.Series)];
    }

    /// <summary>Results of each statement (statement_id order).</summary>
    public IReadOnlyList<InfluxStatementResult> Statements { get; }

    /// <summary>All series of all statements, in order (the usual case: one statement).</summary>
    public IReadOnlyList<InfluxSeries> Series { get; }

    /// <summary>InfluxDB cut the answer short (its <c>max-row-limit</c> or <c>max-select-series</c>): some rows are missing.</summary>
    public bool IsCut => Statements.Any(s => s.IsPartial);
}
