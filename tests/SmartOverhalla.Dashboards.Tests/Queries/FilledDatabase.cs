using System.Collections.Concurrent;
using SmartOverhalla.Dashboards.Tests.Grafana;
using SmartOverhalla.Dashboards.Tests.Platform;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.EndToEnd.Tests;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Dashboards.Tests.Queries;

/// <summary>
/// xUnit class fixture: a real Mosquitto and InfluxDB, the ingestion worker and the simulators in this process,
/// and the <see cref="ScriptedDevices"/>, started once and left running while the tests query, so the database
/// looks like a live platform's: devices online, telemetry and self-metrics still arriving.
/// </summary>
public sealed class FilledDatabase : IAsyncLifetime
{
    public const int Lights = 4;
    public const int Meters = 3;
    public const int Ploughs = 2;

    /// <summary>Each simulated device has at least this many readings stored before any test runs.</summary>
    public const int MessagesPerDevice = 5;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<string, Task<IReadOnlyDictionary<string, VariableValue>>> _variables = new(StringComparer.Ordinal);
    private MosquittoServer? _mosquitto;
    private InfluxServer? _influx;
    private LivePlatform? _platform;
    private Task<InfluxTestClient>? _empty;

    public string Municipality => Platform.Municipality;

    public CapturedLogs Logs => Platform.Logs;

    private LivePlatform Platform => _platform ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3), TimeProvider.System);
        var ct = deadline.Token;
        var mosquitto = MosquittoServer.StartAsync(ct);
        var influx = InfluxServer.StartAsync(ct);
        try
        {
            await Task.WhenAll(mosquitto, influx);
        }
        finally
        {
            // Keep whichever started, so that disposal stops it even when the other failed.
            _mosquitto = mosquitto.IsCompletedSuccessfully ? mosquitto.Result : null;
            _influx = influx.IsCompletedSuccessfully ? influx.Result : null;
        }

        if (_mosquitto is null || _influx is null)
        {
            throw new InvalidOperationException("A test server did not start.");
        }
        _platform = new LivePlatform(_influx.Url, _mosquitto.Host, _mosquitto.Port);

        await _platform.StartIngestionAsync(LoRaWanDevices.DirectoryJson(Municipality), ct);
        await _platform.StartAnalyticsAsync(ct);
        await _platform.StartSimulatorsAsync(Lights, Meters, Ploughs, ct);
        await using (var scripted = new RawPublisher(_mosquitto.Host, _mosquitto.Port))
        {
            await ScriptedDevices.PublishAsync(scripted, Municipality, TimeProvider.System.GetUtcNow(), ct);
            await LoRaWanDevices.PublishAsync(scripted, TimeProvider.System.GetUtcNow(), ct);
        }

        // The savings and alert series, written with the platform's own code for them (see AnalyticsAndAlertSeries).
        await AnalyticsAndAlertSeries.WriteAsync(_platform.Influx.Writer, _platform.Influx.Query, Municipality, TimeProvider.System.GetUtcNow(), ct);
        await WaterSeries.WriteAsync(_platform.Influx.Writer, _platform.Influx.Query, Municipality, TimeProvider.System.GetUtcNow(), ct);

        await Eventually.UntilAsync(
            async c => await EverySimulatedDeviceStoredAsync(c) && await ScriptedPointsStoredAsync(c)
                       && await GatewayPointsStoredAsync(c)
                       && await _platform.Influx.CountAsync("platform_ingestion", "received", c) >= 3
                       && await _platform.Influx.CountAsync("platform_analytics", "windowsComputed", c, "\"windowsComputed\" > 0") >= 1,
            Deadline,
            $"{MessagesPerDevice} readings of every simulated device, every scripted message and LoRaWAN uplink, the savings and alerts, 3 self-metrics points of ingestion and one of analytics after a run in InfluxDB",
            ct);
    }

    /// <summary>Runs one InfluxQL statement against the filled database.</summary>
    public async Task<InfluxStatementResult> QueryAsync(string influxQl, CancellationToken ct)
    {
        var result = await Platform.Influx.Query.QueryAsync(influxQl, ct);
        return result.Statements[0];
    }

    /// <summary>Runs one InfluxQL statement against a database on the same server that holds nothing (as a range without data would).</summary>
    public async Task<InfluxStatementResult> QueryEmptyDatabaseAsync(string influxQl, CancellationToken ct)
    {
        var empty = await (_empty ??= CreateEmptyDatabaseAsync());
        var result = await empty.Query.QueryAsync(influxQl, ct);
        return result.Statements[0];
    }

    /// <summary>
    /// The dashboard's variables as Grafana sets them when the dashboard opens: each one's query runs (with the
    /// variables before it filled in) and the first value, in the variable's alphabetical order, is selected.
    /// </summary>
    internal Task<IReadOnlyDictionary<string, VariableValue>> VariablesAsync(Dashboard dashboard) =>
        _variables.GetOrAdd(dashboard.Name, _ => ResolveVariablesAsync(dashboard, CancellationToken.None));

    /// <summary>Runs a variable's query with the variables before it set; returns its values sorted as the dashboard sorts them.</summary>
    internal async Task<(string Query, InfluxStatementResult Result, IReadOnlyList<string> Values)> RunVariableQueryAsync(
        TemplateVariable variable, IReadOnlyDictionary<string, VariableValue> before, CancellationToken ct)
    {
        var query = new GrafanaQueryInterpolator(TimeSpan.FromHours(6), TimeSpan.FromMinutes(1), before).Interpolate(variable.Query);
        var result = await QueryAsync(query, ct);
        var values = result.Series
            .Where(s => s.GetColumnIndex("value") >= 0)
            .SelectMany(s => Enumerable.Range(0, s.RowCount).Select(row => s.GetString(row, "value")))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return (query, result, values);
    }

    public async ValueTask DisposeAsync()
    {
        if (_empty is { IsCompletedSuccessfully: true } empty)
        {
            empty.Result.Dispose();
        }

        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }
    }

    /// <summary>An empty database as the platform sets one up at start: with the water data's retention policies.</summary>
    private async Task<InfluxTestClient> CreateEmptyDatabaseAsync()
    {
        var client = new InfluxTestClient(_influx?.Url ?? throw new InvalidOperationException("The fixture has not started."), TestNames.Database());
        await client.Schema.EnsureDatabaseAsync(CancellationToken.None);
        await client.Schema.EnsureRetentionPolicyAsync(WaterRetention.RawPolicy, WaterRetention.DefaultRawDuration, isDefault: false, CancellationToken.None);
        await client.Schema.EnsureRetentionPolicyAsync(WaterRetention.HouseholdPolicy, WaterRetention.DefaultHouseholdDuration, isDefault: false, CancellationToken.None);
        return client;
    }

    /// <summary>The retention policy the ingestion worker writes <paramref name="measurement"/> into (null: the default).</summary>
    private static string? PolicyOf(string measurement) => measurement switch
    {
        "watermeter" => WaterRetention.RawPolicy,
        WaterSuspicionSeries.Measurement => WaterRetention.HouseholdPolicy,
        _ => null,
    };

    private async Task<IReadOnlyDictionary<string, VariableValue>> ResolveVariablesAsync(Dashboard dashboard, CancellationToken ct)
    {
        var resolved = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        foreach (var variable in dashboard.Variables)
        {
            var (query, _, values) = await RunVariableQueryAsync(variable, resolved, ct);
            if (values.Count == 0)
            {
                throw new InvalidOperationException($"Variable {variable} has no values.\n{query}");
            }

            resolved[variable.Name] = VariableValue.Single(values[0], variable.IsList);
        }

        return resolved;
    }

    private async Task<bool> EverySimulatedDeviceStoredAsync(CancellationToken ct)
    {
        (string Measurement, string Field, int Devices)[] kinds = [("streetlight", "dimLevel", Lights), ("watermeter", "volumeL", Meters), ("plough", "lat", Ploughs)];
        foreach (var (measurement, field, devices) in kinds)
        {
            var from = (PolicyOf(measurement) is { } policy ? InfluxQl.QuoteIdentifier(policy) + "." : string.Empty) + InfluxQl.QuoteIdentifier(measurement);
            var rows = await Platform.Influx.RowsAsync(
                $"SELECT count({InfluxQl.QuoteIdentifier(field)}) FROM {from} WHERE \"device\" =~ /^{LivePlatform.DeviceIdPrefix}-/ GROUP BY \"device\"", ct);
            if (rows.Count < devices || rows.Any(r => r.Series.GetInt64(r.Row, "count") < MessagesPerDevice))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> GatewayPointsStoredAsync(CancellationToken ct)
    {
        foreach (var (measurement, field, count) in AnalyticsAndAlertSeries.ExpectedPoints.Concat(WaterSeries.ExpectedPoints))
        {
            if (await Platform.Influx.CountAsync(measurement, field, ct, $"\"municipality\" = '{Municipality}'", PolicyOf(measurement)) < count)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> ScriptedPointsStoredAsync(CancellationToken ct)
    {
        foreach (var (measurement, field, where, count) in ScriptedDevices.ExpectedPoints.Concat(LoRaWanDevices.ExpectedPoints))
        {
            if (await Platform.Influx.CountAsync(measurement, field, ct, where, PolicyOf(measurement)) < count)
            {
                return false;
            }
        }

        return true;
    }
}
