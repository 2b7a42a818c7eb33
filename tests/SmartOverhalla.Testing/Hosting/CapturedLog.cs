using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Testing.Hosting;

/// <summary>One log entry a host under test wrote.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"[{Level}] {Category}: {Message}{(Exception is null ? string.Empty : " — " + Exception)}";
}
