namespace SmartOverhalla.Influx;

/// <summary>The result of one InfluxQL statement. Statements that failed never get here: they throw <see cref="InfluxQueryException"/>.</summary>
public sealed class InfluxStatementResult
{
    internal InfluxStatementResult(int statementId, IReadOnlyList<InfluxSeries> series, bool isPartial)
    {
        StatementId = statementId;
        Series = series;
        IsPartial = isPartial;
    }

    /// <summary>Index of the statement in the query.</summary>
    public int StatementId { get; }

    /// <summary>The series returned; empty when nothing matched (or for statements like <c>CREATE DATABASE</c>).</summary>
    public IReadOnlyList<InfluxSeries> Series { get; }

    /// <summary>True when the server cut the result short (its <c>max-row-limit</c>); narrow the query.</summary>
    public bool IsPartial { get; }
}
