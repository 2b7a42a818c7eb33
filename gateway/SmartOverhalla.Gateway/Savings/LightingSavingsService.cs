using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Influx;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>
/// Writes the savings series: every <see cref="LightingSavingsOptions.CheckInterval"/> (and at start) it computes
/// each completed local day of the last <see cref="LightingSavingsOptions.BackfillDays"/> that has no rows yet. A day
/// counts as completed <see cref="LightingSavingsOptions.SettleDelay"/> after its local midnight, so telemetry still
/// in ingestion's batches is in. Looking for missing days rather than waiting for midnight makes a stop, a failed
/// run or a clock change harmless: the next check finds what is missing.
/// </summary>
internal sealed class LightingSavingsService(
    IServiceProvider services,
    IOptions<LightingSavingsOptions> options,
    IOptions<LightingControlOptions> lighting,
    TimeProvider timeProvider,
    ILogger<LightingSavingsService> logger) : BackgroundService
{
    private readonly LightingSavingsOptions _options = options.Value;

    // Days found without telemetry since start: not asked again every check (a restart asks again).
    private readonly HashSet<(string Municipality, DateOnly Date)> _withoutTelemetry = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            Log.Off(logger, "Lighting:Savings:Enabled is false");
            return;
        }

        if (string.IsNullOrWhiteSpace(lighting.Value.ZonesFile))
        {
            // The municipality and its zones come from the zones file; without it there is nothing to attribute lights to.
            Log.Off(logger, "Lighting:ZonesFile is not set");
            return;
        }

        var computation = services.GetRequiredService<SavingsComputation>();
        var series = services.GetRequiredService<SavingsSeries>();
        using var timer = new PeriodicTimer(_options.CheckInterval, timeProvider);
        try
        {
            do
            {
                await RunOnceAsync(computation, series, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a day cut short has no zone rows yet and is computed at the next start.
        }
    }

    private async Task RunOnceAsync(SavingsComputation computation, SavingsSeries series, CancellationToken cancellationToken)
    {
        try
        {
            var municipality = computation.Municipality;
            var last = LocalDay.DateAt(timeProvider.GetUtcNow() - _options.SettleDelay).AddDays(-1);
            var first = last.AddDays(1 - _options.BackfillDays);
            var done = await series.DaysWithRowsAsync(municipality, first, last, cancellationToken);
            var missing = Enumerable.Range(0, _options.BackfillDays)
                .Select(first.AddDays)
                .Where(day => !done.Contains(day) && !_withoutTelemetry.Contains((municipality, day)))
                .ToList();
            if (missing.Count == 0)
            {
                return;
            }

            Log.Computing(logger, municipality, missing.Count, missing[0], missing[^1]);
            foreach (var day in missing)
            {
                var rows = await computation.ComputeDayAsync(day, cancellationToken);
                if (rows.Count == 0)
                {
                    _withoutTelemetry.Add((municipality, day));
                }
            }
        }
        catch (InfluxException ex)
        {
            // InfluxDB away or the database not created yet: the days stay missing and the next check finds them.
            Log.RunFailed(logger, ex.Message, _options.CheckInterval);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RunError(logger, ex, _options.CheckInterval);
        }
    }
}
