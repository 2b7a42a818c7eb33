using System.Net;

namespace SmartOverhalla.Influx;

/// <summary>A write to <c>/write</c> failed. See <see cref="InfluxException.IsTransient"/> for retry decisions.</summary>
public sealed class InfluxWriteException : InfluxException
{
    public InfluxWriteException(string message, HttpStatusCode? statusCode, string? serverMessage, bool isTransient, Exception? innerException = null)
        : base(message, statusCode, serverMessage, isTransient, innerException)
    {
    }

    /// <summary>
    /// True when InfluxDB stored the valid points of the batch and dropped the others (its answer starts with
    /// "partial write", e.g. a field type conflict): retrying the batch cannot help, and the dropped points
    /// belong in the dead-letter place.
    /// </summary>
    public bool IsPartialWrite => ServerMessage?.StartsWith("partial write", StringComparison.Ordinal) == true;
}
