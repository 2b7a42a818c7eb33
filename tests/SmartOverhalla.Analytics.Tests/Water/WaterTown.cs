using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Analytics.Tests.Water;

/// <summary>
/// A municipality of its own for the water tests: a fresh database with the water retention policies (created here, as
/// the hosts do at start), a gateway stub whose directory lists its meters, and a way to write raw readings into
/// <c>"water_raw"."watermeter"</c> as ingestion does (fields <c>volumeL</c>, <c>alarmLeak</c>, <c>alarmBurst</c>).
/// </summary>
internal sealed class WaterTown : IAsyncDisposable
{
    private WaterTown(InfluxTestClient influx, GatewayStub gateway, string municipality)
    {
        Influx = influx;
        Gateway = gateway;
        Municipality = municipality;
    }

    public InfluxTestClient Influx { get; }

    public GatewayStub Gateway { get; }

    public string Municipality { get; }

    public static async Task<WaterTown> CreateAsync(Uri influxUrl, CancellationToken ct)
    {
        var influx = new InfluxTestClient(influxUrl, TestNames.Database());
        await influx.Schema.EnsureDatabaseAsync(ct);
        await influx.Schema.EnsureRetentionPolicyAsync(WaterRetention.RawPolicy, WaterRetention.DefaultRawDuration, isDefault: false, ct);
        await influx.Schema.EnsureRetentionPolicyAsync(WaterRetention.HouseholdPolicy, WaterRetention.DefaultHouseholdDuration, isDefault: false, ct);
        var gateway = await GatewayStub.StartAsync(ct);
        return new WaterTown(influx, gateway, TestNames.Municipality());
    }

    /// <summary>The analytics host's settings: this town's database, municipality and gateway; both water jobs off the schedule unless asked for.</summary>
    public Dictionary<string, string?> AnalyticsSettings(bool jobsEnabled = false) => new()
    {
        ["InfluxDb:Url"] = Influx.Url.ToString(),
        ["InfluxDb:Database"] = Influx.Database,
        ["Analytics:InstanceName"] = "analytics-test",
        ["Analytics:Alerts:GatewayUrl"] = Gateway.Url.ToString(),
        ["Analytics:Alerts:ApiKey"] = GatewayStub.ApiKey,
        ["Analytics:Alerts:MaxAttempts"] = "1",
        ["Analytics:Jobs:LightingSavings:Enabled"] = "false",
        ["Analytics:Jobs:WaterConsumption:Enabled"] = jobsEnabled ? "true" : "false",
        ["Analytics:Jobs:WaterLeaks:Enabled"] = jobsEnabled ? "true" : "false",
        ["Water:Municipality"] = Municipality,
        ["Water:DirectoryCacheLifetime"] = "00:00:00",
        ["Lighting:ZonesFile"] = RepositoryRoot.Combine("domains", "SmartOverhalla.Lighting", "lighting-zones.yaml"),
    };

    public void AddMeter(string meter, MeterRole role, string district) =>
        Gateway.Directory.Add((Municipality, meter, MeterRoles.NameOf(role), district));

    /// <summary>Writes register readings (and alarm flags, when given) of <paramref name="meter"/>.</summary>
    public Task WriteReadingsAsync(string meter, IEnumerable<(DateTimeOffset Time, double VolumeL)> readings, CancellationToken ct, Func<DateTimeOffset, (bool Leak, bool Burst)>? alarms = null) =>
        Influx.Writer.WriteAsync(
            [.. readings.Select(r =>
            {
                var point = PointData.Measurement("watermeter").Tag("municipality", Municipality).Tag("device", meter).Field("volumeL", r.VolumeL);
                if (alarms is not null)
                {
                    var (leak, burst) = alarms(r.Time);
                    point = point.Field("alarmLeak", leak).Field("alarmBurst", burst);
                }

                return point.Timestamp(r.Time);
            })],
            WaterRetention.RawPolicy,
            ct);

    public async ValueTask DisposeAsync()
    {
        Influx.Dispose();
        await Gateway.DisposeAsync();
    }
}
