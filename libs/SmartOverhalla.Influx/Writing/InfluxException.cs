using System.Net;

namespace SmartOverhalla.Influx;

/// <summary>A failed call to InfluxDB: what the server (or the network) said, and whether trying again can help.</summary>
public abstract class InfluxException : Exception
{
    protected InfluxException(string message, HttpStatusCode? statusCode, string? serverMessage, bool isTransient, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        IsTransient = isTransient;
    }

    /// <summary>The HTTP status, or null when no response arrived (connection refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The server's own error text (the <c>error</c> member of its JSON answer), when there was one.</summary>
    public string? ServerMessage { get; }

    /// <summary>
    /// True when the same request may succeed later: no response (connection refused, reset, timeout), 5xx,
    /// or 429. False when the request itself is wrong (4xx: bad line protocol, field type conflict,
    /// authentication, unknown database), where retrying only repeats the failure.
    /// </summary>
    public bool IsTransient { get; }

    internal static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}
