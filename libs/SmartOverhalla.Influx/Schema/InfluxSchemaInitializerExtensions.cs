namespace SmartOverhalla.Influx;

/// <summary>Schema set-up at service start, when InfluxDB may still be starting too.</summary>
public static class InfluxSchemaInitializerExtensions
{
    /// <summary>
    /// Calls <see cref="IInfluxSchemaInitializer.EnsureDatabaseAsync"/> until it succeeds, waiting
    /// <paramref name="firstDelay"/> after the first failure and doubling up to <paramref name="maxDelay"/>;
    /// <paramref name="onRetry"/> hears each failure and the wait before the next try. Ends only on success or
    /// cancellation (then <see cref="OperationCanceledException"/>). A refusal for lack of admin privilege (the database
    /// is missing and the user may not create it) is retried too: an operator may create the database while the service
    /// waits, and each <paramref name="onRetry"/> carries the message saying what is missing.
    /// </summary>
    public static async Task EnsureDatabaseUntilReadyAsync(
        this IInfluxSchemaInitializer schema,
        TimeProvider timeProvider,
        TimeSpan firstDelay,
        TimeSpan maxDelay,
        Action<InfluxException, TimeSpan> onRetry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onRetry);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstDelay, TimeSpan.Zero);
        var delay = firstDelay;
        while (true)
        {
            try
            {
                await schema.EnsureDatabaseAsync(cancellationToken);
                return;
            }
            catch (InfluxException ex)
            {
                onRetry(ex, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(maxDelay.Ticks, firstDelay.Ticks)));
            }
        }
    }
}
