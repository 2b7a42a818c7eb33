using System.Diagnostics;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.FaultTests;

/// <summary>
/// One fault scenario's world: its own Mosquitto and InfluxDB processes, the ingestion worker (or several, each with
/// its own client id) as separate processes with their own spool directories, and simulated street lights publishing
/// through the broker.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private const string Measurement = "streetlight";
    private const string Field = "dimLevel";
    private const string SelfMetrics = "platform_ingestion";
    private readonly string _spoolRoot;

    private FaultRig(MosquittoServer mosquitto, InfluxServer influx, int lights, IReadOnlyDictionary<string, string>? settings, int workers)
    {
        Mosquitto = mosquitto;
        Influx = influx;
        Municipality = TestNames.Municipality();
        Database = TestNames.Database();
        _spoolRoot = Directory.CreateTempSubdirectory("so-fault-spool-").FullName;
        Workers = [.. Enumerable.Range(1, workers).Select(n => CreateWorker(workers == 1 ? "ingestion-" + Municipality : $"ingestion-{Municipality}-{n}", settings))];
        Lights = new SimulatedLights(mosquitto.Host, mosquitto.Port, Municipality, lights, TimeProvider.System.GetUtcNow());
        Store = new InfluxTestClient(influx.Url, Database);
    }

    public MosquittoServer Mosquitto { get; }

    public InfluxServer Influx { get; }

    /// <summary>The workers, all with the same settings but their own client id (= instance name), spool and log.</summary>
    public IReadOnlyList<IngestionProcess> Workers { get; }

    /// <summary>The first (in most scenarios the only) worker.</summary>
    public IngestionProcess Worker => Workers[0];

    public SimulatedLights Lights { get; }

    public InfluxTestClient Store { get; }

    public string Municipality { get; }

    public string Database { get; }

    /// <summary>
    /// Starts both servers and the workers (one unless <paramref name="workers"/> says more, started side by side);
    /// <paramref name="settings"/> adds or overrides every worker's environment.
    /// </summary>
    public static async Task<FaultRig> StartAsync(
        int lights, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null, int workers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var mosquitto = MosquittoServer.StartAsync(cancellationToken);
        var influx = InfluxServer.StartAsync(cancellationToken);
        try
        {
            await Task.WhenAll(mosquitto, influx);
        }
        catch
        {
            // Stop whichever did start, so that a failed start leaves no server running and no data dir behind.
            await DisposeStartedAsync(mosquitto);
            await DisposeStartedAsync(influx);
            throw;
        }

        var rig = new FaultRig(mosquitto.Result, influx.Result, lights, settings, workers);
        try
        {
            if (!rig.Mosquitto.IsOwned || !rig.Influx.IsOwned)
            {
                throw new InvalidOperationException("Fault tests stop and restart servers: they need servers they started (unset the SMARTOVERHALLA_TEST_* reuse variables).");
            }

            await Task.WhenAll(rig.Workers.Select(w => w.StartAsync(cancellationToken)));
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>Segment files in the workers' spools (0 when they are empty: replayed segments are deleted).</summary>
    public int SpoolSegments() => Workers.Sum(w => SegmentFiles(w.SpoolDirectory).Length);

    /// <summary>Points in the workers' spool segment files, read with the worker's own record format (it keeps running).</summary>
    public long SpooledPointsOnDisk()
    {
        long points = 0;
        foreach (var file in Workers.SelectMany(w => SegmentFiles(w.SpoolDirectory)))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var length = stream.Length;
                while (SpoolRecordFormat.TryRead(stream, length) is { } record)
                {
                    points += record.Points;
                }
            }
            catch (FileNotFoundException)
            {
                // Replayed and deleted meanwhile.
            }
        }

        return points;
    }

    public Task<long> StoredCountAsync(CancellationToken cancellationToken) =>
        Store.CountAsync(Measurement, Field, cancellationToken, $"{InfluxQl.QuoteIdentifier("municipality")} = {InfluxQl.QuoteString(Municipality)}");

    /// <summary>Waits until InfluxDB holds as many rows as messages were acknowledged; returns how long it took from <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitForCatchUpAsync(long since, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var sent = Lights.Sent;
        try
        {
            await Eventually.UntilAsync(async ct => await StoredCountAsync(ct) >= sent, deadline, $"all {sent} messages in InfluxDB", cancellationToken);
        }
        catch (TimeoutException)
        {
            // The audit that follows says what is missing.
        }

        return Stopwatch.GetElapsedTime(since);
    }

    /// <summary>Every acknowledged message against every row, per device and device timestamp.</summary>
    public async Task<DeliveryReport> AuditAsync(CancellationToken cancellationToken)
    {
        long sent = 0, stored = 0, missing = 0, duplicated = 0, extra = 0;
        for (var light = 0; light < Lights.Lights; light++)
        {
            var acked = Lights.AckedTimestamps(light).ToHashSet();
            var device = SimulatedLights.DeviceId(light);
            var rows = await Store.RowsAsync(
                $"SELECT {InfluxQl.QuoteIdentifier(Field)} FROM {InfluxQl.QuoteIdentifier(Measurement)} " +
                $"WHERE {InfluxQl.QuoteIdentifier("municipality")} = {InfluxQl.QuoteString(Municipality)} AND {InfluxQl.QuoteIdentifier("device")} = {InfluxQl.QuoteString(device)}",
                cancellationToken);
            var perTimestamp = new Dictionary<long, int>();
            foreach (var (series, row) in rows)
            {
                var time = series.GetTimeNanoseconds(row);
                perTimestamp[time] = perTimestamp.GetValueOrDefault(time) + 1;
            }

            sent += acked.Count;
            stored += rows.Count;
            missing += acked.Count(ts => !perTimestamp.ContainsKey(ts));
            duplicated += perTimestamp.Values.Sum(n => n - 1);
            extra += perTimestamp.Keys.Count(ts => !acked.Contains(ts));
        }

        return new DeliveryReport(sent, stored, missing, duplicated, extra);
    }

    /// <summary>
    /// The workers' own count of points they spooled since they (last) started, from their self-metrics; null until
    /// every worker has reported.
    /// </summary>
    public async Task<long?> ReportedSpooledPointsAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var worker in Workers)
        {
            if (await LastSelfMetricAsync(worker, "spooledPoints", cancellationToken) is not { } spooled)
            {
                return null;
            }

            total += spooled;
        }

        return total;
    }

    /// <summary>The latest value of one of a worker's self-metrics counters (totals since its process started); null before its first report.</summary>
    public async Task<long?> LastSelfMetricAsync(IngestionProcess worker, string field, CancellationToken cancellationToken)
    {
        var rows = await Store.RowsAsync(
            $"SELECT LAST({InfluxQl.QuoteIdentifier(field)}) FROM {InfluxQl.QuoteIdentifier(SelfMetrics)} WHERE {InfluxQl.QuoteIdentifier("instance")} = {InfluxQl.QuoteString(worker.ClientId)}", cancellationToken);
        return rows.Count == 0 ? null : rows[0].Series.GetInt64(rows[0].Row, "last");
    }

    /// <summary>How many self-metrics reports a worker has written (over all its processes).</summary>
    public Task<long> SelfMetricReportsAsync(IngestionProcess worker, CancellationToken cancellationToken) =>
        Store.CountAsync(SelfMetrics, "received", cancellationToken, $"{InfluxQl.QuoteIdentifier("instance")} = {InfluxQl.QuoteString(worker.ClientId)}");

    /// <summary>Stops every part, also when an earlier one failed to stop, and deletes the spool root last, when nothing writes to it.</summary>
    public async ValueTask DisposeAsync()
    {
        var failures = new List<Exception>();
        Func<ValueTask>[] stops =
        [
            Lights.DisposeAsync,
            .. Workers.Select(w => (Func<ValueTask>)w.DisposeAsync),
            () =>
            {
                Store.Dispose();
                return ValueTask.CompletedTask;
            },
            Influx.DisposeAsync,
            Mosquitto.DisposeAsync,
        ];
        foreach (var stop in stops)
        {
            try
            {
                await stop();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add(ex);
            }
        }

        TempDirectory.Delete(_spoolRoot);
        if (failures.Count > 0)
        {
            throw new AggregateException("The fault rig did not stop cleanly.", failures);
        }
    }

    private static string[] SegmentFiles(string spoolDirectory) =>
        Directory.Exists(spoolDirectory) ? Directory.GetFiles(spoolDirectory, SpoolSegment.Prefix + "*" + SpoolSegment.Extension) : [];

    private IngestionProcess CreateWorker(string clientId, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = IngestionProcess.Settings(Mosquitto.Host, Mosquitto.Port, Influx.Url, Database, clientId, _spoolRoot);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return new IngestionProcess(environment, Path.Combine(_spoolRoot, clientId + ".log"));
    }

    private static async Task DisposeStartedAsync<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        if (starting.IsCompletedSuccessfully)
        {
            await starting.Result.DisposeAsync();
        }
    }
}
