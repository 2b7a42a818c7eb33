using SmartOverhalla.Testing;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_ingestion_worker_has_its_own_event_id()
    {
        var worker = typeof(IngestionOptions).Assembly;

        var duplicates = LogEventIds.Duplicates(worker);

        Assert.True(LogEventIds.Count(worker) > 30, "the scan found the worker's log messages");
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
    }
}
