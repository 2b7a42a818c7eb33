using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Influx;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Simulators.Models.Watermeters;
using SmartOverhalla.Simulators.WaterNetwork;

namespace SmartOverhalla.Simulators.Backfill;

/// <summary>
/// Writes the water fleet's history: every reading of every household and district inflow meter in the range, computed
/// by the live models on a <see cref="VirtualClock"/>, mapped to points exactly as the ingestion worker maps a
/// <c>watermeter</c> telemetry message (<see cref="PointMapper"/>), and written in batches into retention policy
/// <see cref="WaterRetention.RawPolicy"/>. Points carry the reading's time, so a second run overwrites the first.
/// </summary>
internal sealed class WaterBackfill(
    IInfluxWriter writer,
    IInfluxSchemaInitializer schema,
    IInfluxQueryClient query,
    IOptions<InfluxOptions> influxOptions,
    ILogger<WaterBackfill> logger)
{
    public async Task<BackfillResult> RunAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var from = options.Backfill.From ?? throw new ArgumentException("No backfill range.", nameof(options));
        var to = options.Backfill.To ?? throw new ArgumentException("No backfill range.", nameof(options));
        var network = WaterNetworkBuilder.Build(options, from, to);
        var meters = Meters(network).ToList();
        var database = influxOptions.Value.Database;
        logger.BackfillStarting(meters.Count, options.Municipality, from, to, WaterRetention.RawPolicy, database);

        var stopwatch = Stopwatch.StartNew();
        await EnsureSchemaAsync(database, cancellationToken);
        var batch = new List<PointData>(options.Backfill.BatchSize);
        long points = 0;
        var done = 0;
        foreach (var (deviceId, interval, phase, createModel) in meters)
        {
            var clock = new VirtualClock(from);
            var model = createModel(clock);
            var topic = new DeviceTopic(options.Municipality, DeviceKind.Watermeter, deviceId, MessageType.Telemetry);
            for (var instant = from + phase; instant < to; instant += interval)
            {
                clock.Now = instant;
                batch.Add(PointMapper.Map(topic, model.Next()));
                if (batch.Count >= options.Backfill.BatchSize)
                {
                    points += await FlushAsync(batch, cancellationToken);
                }
            }

            done++;
            if (done % Math.Max(1, meters.Count / 10) == 0)
            {
                logger.BackfillProgress(done, meters.Count, points + batch.Count);
            }
        }

        points += await FlushAsync(batch, cancellationToken);
        var result = new BackfillResult(points, meters.Count, stopwatch.Elapsed);
        logger.BackfillFinished(result.Points, result.Meters, result.Elapsed);
        return result;
    }

    /// <summary>Each meter of the network with its schedule and a factory of its model on a given clock.</summary>
    internal static IEnumerable<(string DeviceId, TimeSpan Interval, TimeSpan Phase, Func<TimeProvider, IDeviceModel> CreateModel)> Meters(WaterNetworkPlan network)
    {
        foreach (var meter in network.Households)
        {
            yield return (meter.DeviceId, meter.Interval, meter.Phase,
                clock => new WatermeterModel(meter.DeviceId, meter.Seed, meter.CreateFlow(network.Origin), meter.Replacements, clock));
        }

        foreach (var district in network.Districts)
        {
            yield return (district.InflowMeterId, district.Interval, district.Phase,
                clock => new DistrictInflowModel(
                    district.InflowMeterId,
                    district.Seed,
                    [.. network.HouseholdsOf(district).Select(h => h.CreateFlow(network.Origin))],
                    district.Losses,
                    network.Origin,
                    clock));
        }
    }

    /// <summary>Readings of one meter in [from, to): its first at from + phase, then one every interval.</summary>
    internal static long ReadingsWithin(TimeSpan range, TimeSpan interval, TimeSpan phase) =>
        phase >= range ? 0 : ((range - phase).Ticks + interval.Ticks - 1) / interval.Ticks;

    private async Task<int> FlushAsync(List<PointData> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await writer.WriteAsync(batch, WaterRetention.RawPolicy, cancellationToken);
        var written = batch.Count;
        batch.Clear();
        return written;
    }

    /// <summary>
    /// The database, and <see cref="WaterRetention.RawPolicy"/> with its default duration, only where missing: an
    /// existing policy keeps the duration the platform (or an operator) gave it.
    /// </summary>
    private async Task EnsureSchemaAsync(string database, CancellationToken cancellationToken)
    {
        await schema.EnsureDatabaseAsync(cancellationToken);
        var policies = await query.QueryAsync("SHOW RETENTION POLICIES ON " + InfluxQl.QuoteIdentifier(database), cancellationToken);
        var exists = policies.Series.Any(series => Enumerable.Range(0, series.RowCount).Any(row => series.GetString(row, "name") == WaterRetention.RawPolicy));
        if (exists)
        {
            logger.RetentionPolicyKept(WaterRetention.RawPolicy, database);
            return;
        }

        await schema.EnsureRetentionPolicyAsync(WaterRetention.RawPolicy, WaterRetention.DefaultRawDuration, isDefault: false, cancellationToken);
    }
}
