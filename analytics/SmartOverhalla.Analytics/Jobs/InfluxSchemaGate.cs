using SmartOverhalla.Influx;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// Makes sure the database and the retention plan's policies (the water data's <c>water_raw</c> and <c>water_household</c>)
/// exist before any job writes: once per process, and again at the next run after a failure. The scheduler and the
/// backfill pass through it, so a fresh database gets its policies whichever host starts first.
/// </summary>
internal sealed class InfluxSchemaGate(IInfluxSchemaInitializer schema)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _ready;

    /// <exception cref="JobInputUnavailableException">InfluxDB did not answer or refused to create them.</exception>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await schema.EnsureDatabaseAsync(cancellationToken);
                _ready = true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new JobInputUnavailableException($"InfluxDB's database and retention policies could not be made sure of: {ex.Message}", ex);
        }
        finally
        {
            _lock.Release();
        }
    }
}
