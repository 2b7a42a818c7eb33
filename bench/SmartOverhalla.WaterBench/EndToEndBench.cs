using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Analytics;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Water.Consumption;
using SmartOverhalla.Analytics.Water.Directory;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.WaterBench;

/// <summary>
/// The consumption job end to end on a real InfluxDB started here (127.0.0.1): hourly readings of N meters for D days
/// written into <c>"water_raw"."watermeter"</c> (timed apart), then the analytics host's own backfill of
/// <c>water-consumption</c> over those days (read the raw readings, compute, write hourly, daily and monthly rows per meter
/// and district and the balance), timed.
/// </summary>
internal static class EndToEndBench
{
    public static async Task RunAsync(int meters, int days, int metersPerDistrict, CancellationToken ct)
    {
        await using var influxServer = await InfluxServer.StartAsync(ct);
        using var influx = new InfluxTestClient(influxServer.Url, TestNames.Database());
        await influx.Schema.EnsureDatabaseAsync(ct);
        await influx.Schema.EnsureRetentionPolicyAsync(WaterRetention.RawPolicy, WaterRetention.DefaultRawDuration, isDefault: false, ct);
        await influx.Schema.EnsureRetentionPolicyAsync(WaterRetention.HouseholdPolicy, WaterRetention.DefaultHouseholdDuration, isDefault: false, ct);
        var municipality = TestNames.Municipality();

        // The last D whole days before today (a backfill computes ended days only; the retention keeps 13 months).
        var today = NorwegianTime.DateAt(TimeProvider.System.GetUtcNow());
        var firstDay = today.AddDays(-days);
        var start = LocalDay.MidnightOf(firstDay);
        var hours = (long)(LocalDay.MidnightOf(today) - start).TotalHours;

        var write = Stopwatch.StartNew();
        long written = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, meters).Chunk(50), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (chunk, c) =>
        {
            var points = new List<PointData>(chunk.Length * (int)(hours + 1));
            foreach (var meter in chunk)
            {
                for (var h = 0L; h <= hours; h++)
                {
                    points.Add(PointData.Measurement("watermeter").Tag("municipality", municipality).Tag("device", SyntheticMeters.Id(meter))
                        .Field("volumeL", SyntheticMeters.Register(meter, h)).Timestamp(start.AddHours(h)));
                }
            }

            foreach (var batch in points.Chunk(10_000))
            {
                await influx.Writer.WriteAsync(batch, WaterRetention.RawPolicy, c);
            }

            Interlocked.Add(ref written, points.Count);
        });
        write.Stop();
        Console.WriteLine($"raw readings written: {written:N0} in {write.Elapsed.TotalSeconds:N1} s ({written / write.Elapsed.TotalSeconds:N0} points/s; not part of the job's time)");

        var snapshot = new MeterDirectorySnapshot(
            municipality,
            Enumerable.Range(0, meters).Select(m => new MeterPlacement(municipality, SyntheticMeters.Id(m), MeterRole.Household, SyntheticMeters.District(m, metersPerDistrict))));
        var (host, logs) = TestHost.Build(
            new Dictionary<string, string?>
            {
                ["InfluxDb:Url"] = influxServer.Url.ToString(),
                ["InfluxDb:Database"] = influx.Database,
                ["InfluxDb:Timeout"] = "00:05:00",
                ["Water:Municipality"] = municipality,
                ["Lighting:ZonesFile"] = RepositoryRoot.Combine("domains", "SmartOverhalla.Lighting", "lighting-zones.yaml"),
                ["Logging:LogLevel:Default"] = "Warning",
            },
            b => b.AddAnalytics(),
            services => services.AddSingleton<IMeterDirectory>(new FixedMeterDirectory(snapshot)));
        using (host)
        {
            var runner = host.Services.GetRequiredService<BackfillRunner>();
            var request = new BackfillRequest([WaterConsumptionJob.JobName], firstDay, today.AddDays(-1), []);
            await runner.RefreshAsync(request, ct);
            var gcBefore = GC.CollectionCount(0);
            var job = Stopwatch.StartNew();
            var summary = await runner.RunAsync(request, _ => { }, ct);
            job.Stop();
            var meterDays = (double)meters * days;
            Console.WriteLine($"end to end: {meters:N0} meters × {days} days in {snapshot.Districts.Count} districts: {summary.Computed} district-days computed, {summary.Failed} failed, {summary.PointsWritten:N0} derived points written");
            Console.WriteLine($"  job time: {job.Elapsed.TotalSeconds:N1} s ({written / job.Elapsed.TotalSeconds:N0} raw readings/s, {summary.PointsWritten / job.Elapsed.TotalSeconds:N0} derived points/s, {job.Elapsed.TotalMilliseconds / meterDays:N3} ms per meter-day, {job.Elapsed.TotalMilliseconds * 365 / meterDays / 1_000:N2} s per meter-year); gen-0 collections: {GC.CollectionCount(0) - gcBefore}");
            Console.WriteLine($"  => 10,000 meters × 365 days at this rate: {job.Elapsed.TotalSeconds / meterDays * 10_000 * 365 / 60:N0} min");
            foreach (var error in logs.Errors.Take(5))
            {
                Console.WriteLine($"  error logged: {error.Message}");
            }
        }
    }
}
