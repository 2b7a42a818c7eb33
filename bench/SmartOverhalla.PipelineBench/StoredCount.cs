using SmartOverhalla.Testing;

namespace SmartOverhalla.PipelineBench;

/// <summary>Polls InfluxDB's count of stored street-light points until every expected one is there.</summary>
internal static class StoredCount
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Returns when (Unix ms) the count reached <paramref name="expected"/>, and the count then; at the deadline, the
    /// count so far and null (the report then shows the loss).
    /// </summary>
    public static async Task<(long? ReachedAtUnixMs, long Count)> WaitAsync(InfluxTestClient store, int expected, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var until = clock.GetUtcNow() + deadline;
        long count = 0;
        while (clock.GetUtcNow() < until)
        {
            var askedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            count = await store.CountAsync("streetlight", "dimLevel", cancellationToken);
            if (count >= expected)
            {
                return (askedAt, count);
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }

        return (null, count);
    }
}
