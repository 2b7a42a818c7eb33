using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Makes sure the database the gateway writes alerts to exists, retrying with back-off while InfluxDB is still
/// starting. Idempotent, so the gateway and the ingestion worker may both do it.
/// </summary>
internal sealed class InfluxSchemaStartup(IInfluxSchemaInitializer schema, TimeProvider timeProvider, ILogger<InfluxSchemaStartup> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schema.EnsureDatabaseAsync(stoppingToken);
                return;
            }
            catch (InfluxException ex)
            {
                Log.SchemaRetry(logger, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
