using System.Net.Http.Headers;
using System.Text;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Water;

/// <summary>
/// The real gateway with the water side, its own InfluxDB database, and two more keys: customer service (role household
/// only) and an admin who also has the household role. Meters are imported through the admin API.
/// </summary>
internal sealed class WaterGateway : IAsyncDisposable
{
    public const string HouseholdName = "test-kundeservice";
    public const string AdminAndHouseholdName = "test-admin-household";

    public static readonly string Household = ApiKeyRing.NewKey();
    public static readonly string AdminAndHousehold = ApiKeyRing.NewKey();

    /// <summary>Two districts of Overhalla-like test data: d01 with two households and an inflow meter, d02 with one household.</summary>
    public const string MetersCsv =
        "meterId;municipality;role;district;address\r\n" +
        "hh-0001;{0};household;d01;Sentrumsvegen 12\r\n" +
        "hh-0002;{0};household;d01;\"Skage; gnr. 3 bnr. 14\"\r\n" +
        "hh-0003;{0};household;d02;Ranemsletta 5\r\n" +
        "inflow-d01;{0};district-inflow;d01;\r\n";

    private WaterGateway(GatewayFactory factory, string municipality, InfluxTestClient influx)
    {
        Factory = factory;
        Municipality = municipality;
        Influx = influx;
    }

    public GatewayFactory Factory { get; }

    public string Municipality { get; }

    public InfluxTestClient Influx { get; }

    public static async Task<WaterGateway> StartAsync(Uri influxUrl, CancellationToken ct, IReadOnlyDictionary<string, string?>? more = null)
    {
        var database = TestNames.Database();
        var influx = new InfluxTestClient(influxUrl, database);
        await influx.Schema.EnsureDatabaseAsync(ct);
        await influx.Schema.EnsureRetentionPolicyAsync(DerivedSeries.Water.WaterRetention.HouseholdPolicy, null, isDefault: false, ct);
        var settings = new Dictionary<string, string?>
        {
            ["InfluxDb:Database"] = database,
            [$"ApiKeys:Keys:{HouseholdName}:Hash"] = ApiKeyRing.HashOf(Household),
            [$"ApiKeys:Keys:{HouseholdName}:Roles"] = ApiRoles.Household,
            [$"ApiKeys:Keys:{AdminAndHouseholdName}:Hash"] = ApiKeyRing.HashOf(AdminAndHousehold),
            [$"ApiKeys:Keys:{AdminAndHouseholdName}:Roles"] = $"{ApiRoles.Admin},{ApiRoles.Household}",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var municipality = TestNames.Municipality();
        settings["Water:Municipality"] = municipality;
        return new WaterGateway(GatewayFactory.Embedded(influxUrl, out _, settings).Start(), municipality, influx);
    }

    public HttpClient Client(string key) => Factory.CreateClientWithKey(key);

    /// <summary>Imports <see cref="MetersCsv"/> for <see cref="Municipality"/> as admin; fails unless it is taken.</summary>
    public async Task ImportMetersAsync(CancellationToken ct)
    {
        using var response = await ImportAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, MetersCsv, Municipality), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public Task<HttpResponseMessage> ImportAsync(string csv, CancellationToken ct) => ImportAsync(Encoding.UTF8.GetBytes(csv), ct);

    public async Task<HttpResponseMessage> ImportAsync(byte[] csv, CancellationToken ct, string mediaType = "text/csv")
    {
        using var client = Client(TestApiKeys.Admin);
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync("/api/v1/water/meters/import", content, ct);
    }

    /// <summary>The audit entries of <paramref name="action"/> as (actor, target, details), oldest first.</summary>
    public async Task<IReadOnlyList<(string Actor, string Target, string? Details)>> AuditAsync(string action, CancellationToken ct)
    {
        var rows = await Influx.RowsAsync($"SELECT \"actor\", \"target\", \"details\" FROM \"audit\" WHERE \"action\" = '{action}'", ct);
        return [.. rows.Select(r => (r.Series.GetString(r.Row, "actor")!, r.Series.GetString(r.Row, "target")!, r.Series.GetString(r.Row, "details")))];
    }

    /// <summary>Waits until the audit series holds <paramref name="count"/> entries of <paramref name="action"/>.</summary>
    public async Task<IReadOnlyList<(string Actor, string Target, string? Details)>> AuditEventuallyAsync(string action, int count, CancellationToken ct)
    {
        IReadOnlyList<(string, string, string?)> entries = [];
        await Eventually.UntilAsync(async token => (entries = await AuditAsync(action, token)).Count >= count, TimeSpan.FromSeconds(15), $"{count} audit entries {action}", ct);
        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Influx.Dispose();
    }
}
