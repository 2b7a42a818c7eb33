using System.Net;

namespace SmartOverhalla.Influx;

/// <summary>A query failed: an HTTP error, or an <c>error</c> in one statement's result (e.g. "database not found").</summary>
public sealed class InfluxQueryException : InfluxException
{
    public InfluxQueryException(string message, HttpStatusCode? statusCode, string? serverMessage, bool isTransient, int? statementId = null, Exception? innerException = null)
        : base(message, statusCode, serverMessage, isTransient, innerException)
    {
        StatementId = statementId;
    }

    /// <summary>The failing statement's index when the error came from a statement result, else null.</summary>
    public int? StatementId { get; }
}
