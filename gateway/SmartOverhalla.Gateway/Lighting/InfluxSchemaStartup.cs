using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Makes sure the database the gateway writes alerts to exists, retrying with back-off while InfluxDB is still
/// starting. Idempotent, so the gateway and the ingestion worker may both do it.
/// </summary>
internal sealed class InfluxSchemaStartup(IInfluxSchemaInitializer schema, TimeProvider timeProvider, ILogger<InfluxSchemaStartup> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.EnsureDatabaseUntilReadyAsync(
                timeProvider, FirstDelay, MaxDelay, (ex, delay) => Log.SchemaRetry(logger, ex.Message, delay), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before InfluxDB answered.
        }
    }
}
