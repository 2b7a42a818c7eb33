using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>Every quiet period: ends calmed-down flood episodes (so the end is logged even when a device falls silent) and forgets idle devices.</summary>
internal sealed class FloodSweepService(DeviceFloodGuard guard, IOptions<DeviceFloodOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QuietPeriod, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                guard.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
