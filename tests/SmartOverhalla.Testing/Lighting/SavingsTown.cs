using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Testing.Lighting;

/// <summary>
/// A small municipality of its own (fresh slug, database and zones file): zones <c>nord</c> (lights <c>nord-*</c>) and
/// <c>sor</c> (<c>sor-*</c>), and one light no zone claims. Telemetry every 10 minutes from local midnight starting
/// Wednesday 14 January 2026 to midnight after Thursday the 15th (CET, two days of 24 h), the same each day:
/// <list type="table">
/// <item><c>nord-1</c>: 100 % (61 W) 16-22, 50 % (30.5 W) 22-06, 100 % 06-08, off 08-16 (0.5 W standby).</item>
/// <item><c>nord-2</c>: as nord-1 with a 41 W luminaire (20.5 W at 50 %).</item>
/// <item><c>sor-1</c>: 50 % (40 W) 16-08, never 100 %, so its power at 100 % is the zone's configured 80 W; off 0.5 W.</item>
/// <item><c>gate-1</c>: no zone; 100 % (60 W) 16-08, off 0.5 W.</item>
/// </list>
/// Disposing it deletes its zones file's folder (the database is left to the InfluxDB fixture, which is thrown away).
/// </summary>
public sealed class SavingsTown : IDisposable
{
    public static readonly DateOnly FirstDay = new(2026, 1, 14);

    private readonly TempDirectory _zones;

    private SavingsTown(InfluxTestClient influx, string municipality, string database, TempDirectory zones, string zonesFile)
    {
        _zones = zones;
        Influx = influx;
        Municipality = municipality;
        Database = database;
        ZonesFile = zonesFile;
    }

    public InfluxTestClient Influx { get; }

    public string Municipality { get; }

    public string Database { get; }

    public string ZonesFile { get; }

    /// <summary>
    /// The analytics host's settings the tests share: this town's database and zones file, price 1.50 NOK/kWh,
    /// 0.02 kg CO₂e/kWh, zone sor at 80 W; the savings job scheduled or not.
    /// </summary>
    public Dictionary<string, string?> AnalyticsSettings(Uri influxUrl, bool jobEnabled) => new()
    {
        ["InfluxDb:Url"] = influxUrl.ToString(),
        ["InfluxDb:Database"] = Database,
        ["Lighting:ZonesFile"] = ZonesFile,
        ["Analytics:InstanceName"] = "analytics-test",
        ["Analytics:Jobs:LightingSavings:Enabled"] = jobEnabled ? "true" : "false",
        ["Lighting:Savings:PricePerKWhNok"] = "1.50",
        ["Lighting:Savings:Co2KgPerKWh"] = "0.02",
        ["Lighting:Savings:ZoneRatedPowerW:sor"] = "80",
    };

    public static async Task<SavingsTown> CreateAsync(Uri influxUrl, CancellationToken ct)
    {
        var municipality = TestNames.Municipality();
        var database = TestNames.Database();
        var zones = new TempDirectory("so-savings-");
        var zonesFile = await WriteZonesFileAsync(zones, municipality, ct);

        var influx = new InfluxTestClient(influxUrl, database);
        await influx.Schema.EnsureDatabaseAsync(ct);
        var from = Oslo(2026, 1, 14);
        var to = Oslo(2026, 1, 16);
        var step = TimeSpan.FromMinutes(10);
        var lights = new (string Device, Func<DateTimeOffset, (int, double)> State)[]
        {
            ("nord-1", t => Evening(t, fullW: 61)),
            ("nord-2", t => Evening(t, fullW: 41)),
            ("sor-1", t => LocalHour(t) is >= 16 or < 8 ? (50, 40.0) : (0, 0.5)),
            ("gate-1", t => LocalHour(t) is >= 16 or < 8 ? (100, 60.0) : (0, 0.5)),
        };
        foreach (var (device, state) in lights)
        {
            await influx.Writer.WriteAsync([.. Readings(from, to, step, state).AsPoints(municipality, device)], ct);
        }

        return new SavingsTown(influx, municipality, database, zones, zonesFile);
    }

    /// <summary>The zones file (nord, sor) in <paramref name="folder"/>, which the test owns and deletes.</summary>
    public static async Task<string> WriteZonesFileAsync(TempDirectory folder, string municipality, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var zonesFile = folder.File("zones.yaml");
        await File.WriteAllTextAsync(zonesFile, $$"""
            municipality: {{municipality}}
            zones:
              - id: nord
                name: Nord
                latitude: 64.50
                longitude: 11.90
                lights: { prefixes: [nord-] }
                profiles: { default: standard }
              - id: sor
                name: Sør
                latitude: 64.45
                longitude: 11.85
                lights: { prefixes: [sor-] }
                profiles: { default: standard }
            profiles:
              - id: standard
                steps:
                  - { at: sunset, level: 100 }
                  - { at: sunrise, level: 0 }
            """, ct);
        return zonesFile;
    }

    public void Dispose()
    {
        Influx.Dispose();
        _zones.Dispose();
    }

    private static (int, double) Evening(DateTimeOffset t, double fullW) => LocalHour(t) switch
    {
        >= 16 and < 22 => (100, fullW),
        >= 22 or < 6 => (50, fullW / 2),
        >= 6 and < 8 => (100, fullW),
        _ => (0, 0.5),
    };
}
