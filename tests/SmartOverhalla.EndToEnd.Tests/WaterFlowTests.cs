using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Water.Consumption;
using SmartOverhalla.Analytics.Water.Leaks;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Influx;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.WaterNetwork;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// Water from meter to planner on real hosts and a real InfluxDB: the simulators' backfill writes two weeks of one
/// district of 200 households (with its inflow meter, background losses, holidays, a meter replaced, three injected leaks
/// and one burst) into <c>water_raw</c>; the gateway imports the simulator's registry (the only place with addresses);
/// the analytics host learns the meters from the gateway and computes consumption, the balance and suspicions over the
/// two weeks (its backfill command's runner), reporting alerts to the gateway. The platform must find exactly the
/// injected leaks and burst, near their true start, and the injected losses; and no address may reach InfluxDB.
/// </summary>
public sealed class WaterFlowTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const int Households = 200;
    private const double BackgroundLeakageLph = 300;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_weeks_of_a_district_yield_exactly_the_injected_leaks_and_burst_the_injected_losses_and_no_address_in_InfluxDB()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);

        // Given two whole local weeks up to today's UTC midnight (the leak job's day windows are UTC days), leaks that
        // start in the quiet of a weekday night (a leak's start can only be seen as the end of the last flow-free hour), a
        // burst on an evening, a meter replaced
        var to = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var today = NorwegianTime.DateAt(to);
        var from = LocalDay.Of(today.AddDays(-14)).Start;
        (string Meter, DateTimeOffset Start, double RateLph)[] leaks =
        [
            ("17", WeekdayNight(today.AddDays(-12), 2.5), 12),
            ("58", WeekdayNight(today.AddDays(-9), 2.75), 20),
            ("133", WeekdayNight(today.AddDays(-6), 3.25), 28),
        ];
        var burst = (Meter: "88", Start: LocalDay.Of(today.AddDays(-3)).Start.AddHours(19.2), RateLph: 2200.0);
        var folder = platform.NewFolder("so-water-");
        var registryFile = folder.File("water-meters.csv");
        var truthFile = folder.File("ground-truth.json");
        void Network(SimulatorOptions o)
        {
            (o.Streetlights, o.Ploughs, o.Watermeters, o.Seed) = (0, 0, Households, 2026);
            (o.Water.Districts, o.Water.BackgroundLeakageLph) = (1, BackgroundLeakageLph);
            o.Water.Leaks.AddRange(leaks.Select(l => new WaterLeakOptions { Meter = l.Meter, Start = l.Start, RateLph = l.RateLph }));
            o.Water.Bursts.Add(new WaterBurstOptions { Meter = burst.Meter, Start = burst.Start, Duration = TimeSpan.FromHours(2), RateLph = burst.RateLph });
            o.Water.Replacements.Add(new MeterReplacementOptions { Meter = "150", At = LocalDay.Of(today.AddDays(-8)).Start.AddHours(11) });
        }

        await platform.RunWaterBackfillAsync(o => { Network(o); o.Water.RegistryFile = registryFile; }, ct);
        await platform.RunWaterBackfillAsync(
            o =>
            {
                Network(o);
                o.Water.GroundTruthFile = truthFile;
                (o.Backfill.From, o.Backfill.To) = (from, to);
            },
            ct);
        GroundTruth truth;
        await using (var stream = File.OpenRead(truthFile))
        {
            truth = await JsonSerializer.DeserializeAsync(stream, GroundTruthJsonContext.Default.GroundTruth, ct) ?? throw new InvalidOperationException("No ground truth.");
        }

        Assert.Equal(3, truth.Leaks.Count);
        Assert.Single(truth.Bursts);
        var addresses = (await File.ReadAllLinesAsync(registryFile, ct)).Skip(1).Select(AddressOf).Where(a => a.Length > 0).ToList();
        Assert.Equal(Households, addresses.Count);

        // And the gateway with that registry, and keys for analytics, operations and customer service
        var keys = new Dictionary<string, string>
        {
            ["analytics"] = ApiKeyRing.NewKey(),
            ["drift"] = ApiKeyRing.NewKey(),
            ["kundesenter"] = ApiKeyRing.NewKey(),
        };
        await platform.StartGatewayWithEmbeddedBrokerAsync(
            ct,
            settings: new Dictionary<string, string?>
            {
                ["ApiKeys:Keys:analytics:Hash"] = ApiKeyRing.HashOf(keys["analytics"]),
                ["ApiKeys:Keys:analytics:Roles"] = ApiRoles.Service,
                ["ApiKeys:Keys:drift:Hash"] = ApiKeyRing.HashOf(keys["drift"]),
                ["ApiKeys:Keys:drift:Roles"] = ApiRoles.Operator,
                ["ApiKeys:Keys:kundesenter:Hash"] = ApiKeyRing.HashOf(keys["kundesenter"]),
                ["ApiKeys:Keys:kundesenter:Roles"] = ApiRoles.Household,
                ["Water:Municipality"] = platform.Municipality,
                ["Water:Registry:ImportFile"] = registryFile,
                // The test polls the access log until the look-up's audit entry is stored.
                ["ApiRateLimit:PermitsPerKey"] = "100000",
            });

        // When the analytics host computes the two weeks (consumption first: the balance; then the leak windows)
        var analytics = await platform.StartAnalyticsAsync(
            new Dictionary<string, string?>
            {
                ["Analytics:Jobs:LightingSavings:Enabled"] = "false",
                ["Analytics:Jobs:WaterConsumption:Enabled"] = "false",
                ["Analytics:Jobs:WaterLeaks:Enabled"] = "false",
                ["Analytics:Alerts:GatewayUrl"] = platform.GatewayUrl!.ToString(),
                ["Analytics:Alerts:ApiKey"] = keys["analytics"],
                ["Water:Municipality"] = platform.Municipality,
                // Day windows, so two weeks are 14 leak windows rather than 1,344 quarter hours: the same suspicions.
                ["Water:LeakWindow"] = "1.00:00:00",
                ["Water:LeakLookback"] = "2.02:00:00",
            },
            _ => { },
            ct);
        var backfill = analytics.Services.GetRequiredService<BackfillRunner>();
        var first = NorwegianTime.DateAt(from);
        var last = today.AddDays(-1);
        var consumptionRequest = new BackfillRequest([WaterConsumptionJob.JobName], first, last, []);

        // Through today: the leak job's last whole day window is the UTC day that ends at `to`.
        var leaksRequest = new BackfillRequest([WaterLeaksJob.JobName], first, today, []);
        Assert.Empty(await backfill.RefreshAsync(consumptionRequest, ct));
        Assert.Empty(await backfill.RefreshAsync(leaksRequest, ct));
        var consumption = await backfill.RunAsync(consumptionRequest, _ => { }, ct);
        var suspicionRun = await backfill.RunAsync(leaksRequest, _ => { }, ct);
        Assert.Equal(0, consumption.Failed);
        Assert.Equal(0, suspicionRun.Failed);

        // Then the platform suspects exactly the injected leaks and the burst, each starting within one reporting interval of the truth
        var intervals = truth.Meters.ToDictionary(m => m.MeterId, m => TimeSpan.Parse(m.Interval, CultureInfo.InvariantCulture));
        var series = new WaterSuspicionSeries(platform.Influx.Writer, platform.Influx.Query);
        var found = await series.ReadAsync(platform.Municipality, from, to, district: null, ct);
        var expected = truth.Leaks.Select(l => (l.MeterId, Kind: SuspicionKind.Leak, l.Start))
            .Concat(truth.Bursts.Select(b => (b.MeterId, Kind: SuspicionKind.Burst, b.Start)))
            .OrderBy(e => e.MeterId, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            expected.Select(e => (e.MeterId, e.Kind)),
            found.Select(f => (f.Device, f.Suspicion.Kind)).OrderBy(f => f.Device, StringComparer.Ordinal));
        foreach (var (suspect, kind, start) in expected)
        {
            var suspicion = found.Single(f => f.Device == suspect && f.Suspicion.Kind == kind).Suspicion;
            Assert.True(
                (suspicion.Since - start).Duration() <= intervals[suspect],
                $"{kind} of {suspect}: found since {suspicion.Since:O}, injected at {start:O}, the meter reports every {intervals[suspect]}");
            Assert.Equal(kind == SuspicionKind.Leak, suspicion.Ongoing);
        }

        // And each one's litres lost so far match what the simulation let through within 5 % (a leak: its rate over its
        // duration, read from its quiet night hours; the burst: all its intervals' litres, household use included)
        var injectedLitres = truth.Leaks.Select(l => (l.MeterId, Litres: l.LitresLost)).Concat(truth.Bursts.Select(b => (b.MeterId, b.Litres))).ToDictionary();
        Assert.All(found, f => Assert.True(
            Math.Abs(f.Suspicion.LitresLost - injectedLitres[f.Device]) <= 0.05 * injectedLitres[f.Device],
            $"{f.Suspicion.Kind} of {f.Device}: {f.Suspicion.LitresLost:F0} L lost found, {injectedLitres[f.Device]:F0} L injected"));

        // And the balance's losses over the two weeks match the injected losses within 2 %
        var balance = await new WaterBalanceSeries(platform.Influx.Writer, platform.Influx.Query).ReadAsync(platform.Municipality, first, last, district: null, ct);
        var trueDays = truth.DistrictDays.Where(d => d.Complete).ToList();
        Assert.Equal(14, trueDays.Count);
        Assert.Equal(trueDays.Select(d => d.Date), balance.Select(d => d.Date));
        var trueLosses = trueDays.Sum(d => d.LossLitres);
        var computedLosses = balance.Sum(d => d.LossesL);
        Assert.True(
            Math.Abs(computedLosses - trueLosses) <= 0.02 * trueLosses,
            $"losses: computed {computedLosses:F0} L, injected {trueLosses:F0} L ({(computedLosses - trueLosses) / trueLosses:P2})");
        Assert.All(balance, d => Assert.Equal(Households, d.Connections));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"water: {found.Count} suspicions ({string.Join(", ", found.Select(f => $"{f.Suspicion.Kind} {f.Device} since {f.Suspicion.Since:O}, {f.Suspicion.RateLph:F1} L/h, {f.Suspicion.LitresLost:F0} L (injected {injectedLitres[f.Device]:F0} L)"))}); " +
            $"injected starts {string.Join(", ", expected.Select(e => $"{e.MeterId} {e.Start:O}"))}; losses computed {computedLosses:F0} L, injected {trueLosses:F0} L ({(computedLosses - trueLosses) / trueLosses:P2})");

        // And the gateway lists the alerts: three leaks still open, the burst raised and cleared
        using var operations = Client(platform, keys["drift"]);
        List<JsonElement> alerts = [];
        await Eventually.UntilAsync(
            async c =>
            {
                alerts = await operations.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/alerts?domain=water&municipality={platform.Municipality}", UriKind.Relative), c) ?? [];
                return alerts.Count >= 4;
            },
            Deadline,
            "four water alerts at the gateway",
            ct);
        Assert.Equal(
            expected.Select(e => (e.MeterId, e.Kind == SuspicionKind.Leak ? "leak" : "burst", e.Kind == SuspicionKind.Leak)),
            alerts.Select(a => (a.GetProperty("device").GetString()!, a.GetProperty("type").GetString()!, a.GetProperty("active").GetBoolean())).OrderBy(a => a.Item1, StringComparer.Ordinal));

        // And no address, nor any part of one, is anywhere in InfluxDB: every tag value and every string field of every series
        var stored = await EveryStoredStringAsync(platform, ct);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, s => s.Contains("Syntetisk", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored, s => addresses.Any(a => s.Contains(a, StringComparison.OrdinalIgnoreCase)));

        // And a household look-up needs the household role: refused to operations, allowed to customer service with a
        // purpose, and then listed in that household's "who has seen my data"
        var meter = expected[0].MeterId;
        var lookup = new Uri($"/api/v1/water/meters/{platform.Municipality}/{meter}/address?purpose={Uri.EscapeDataString("Kunden ringte om høy regning")}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Forbidden, (await operations.GetAsync(lookup, ct)).StatusCode);
        using var service = Client(platform, keys["kundesenter"]);
        var address = (await service.GetFromJsonAsync<JsonElement>(lookup, ct)).GetProperty("address").GetString()!;
        Assert.Contains(address, addresses);
        await Eventually.UntilAsync(
            async c =>
            {
                var log = await service.GetFromJsonAsync<JsonElement>(
                    new Uri($"/api/v1/water/privacy/access-log?address={Uri.EscapeDataString(address)}&purpose={Uri.EscapeDataString("Innsyn etter forespørsel fra kunden")}", UriKind.Relative), c);
                return log.GetProperty("accesses").EnumerateArray().Any(a => a.GetProperty("actor").GetString() == "kundesenter" && a.GetProperty("meter").GetString() == meter);
            },
            Deadline,
            "the look-up in the household's access log",
            ct);
        platform.Logs.AssertNoUnexpectedErrors();
    }

    /// <summary>The local day of <paramref name="date"/> or the next weekday, at <paramref name="hour"/> (a weekday night is quiet 00–05).</summary>
    private static DateTimeOffset WeekdayNight(DateOnly date, double hour)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return LocalDay.Of(date).Start.AddHours(hour);
    }

    /// <summary>The address column of a registry line (<c>meterId;municipality;role;district;address</c>, the address quoted when it holds a separator).</summary>
    private static string AddressOf(string line)
    {
        var field = line.Split(';', 5)[4];
        return field.Length >= 2 && field[0] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
    }

    private static HttpClient Client(PlatformUnderTest platform, string key)
    {
        var client = new HttpClient { BaseAddress = platform.GatewayUrl };
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }

    /// <summary>Every tag value and every string field value in every retention policy and measurement of the platform's database.</summary>
    private static async Task<List<string>> EveryStoredStringAsync(PlatformUnderTest platform, CancellationToken ct)
    {
        var strings = new List<string>();
        var policies = (await platform.Influx.RowsAsync("SHOW RETENTION POLICIES", ct)).Select(r => r.Series.GetString(r.Row, "name")!).ToList();
        var measurements = (await platform.Influx.RowsAsync("SHOW MEASUREMENTS", ct)).Select(r => r.Series.GetString(r.Row, "name")!).ToList();
        Assert.Contains(WaterRetention.RawPolicy, policies);
        foreach (var policy in policies)
        {
            foreach (var measurement in measurements)
            {
                var from = $"{InfluxQl.QuoteIdentifier(policy)}.{InfluxQl.QuoteIdentifier(measurement)}";
                foreach (var (series, row) in await platform.Influx.RowsAsync($"SHOW TAG KEYS FROM {from}", ct))
                {
                    var key = series.GetString(row, "tagKey")!;
                    strings.Add(key);
                    strings.AddRange((await platform.Influx.RowsAsync($"SHOW TAG VALUES FROM {from} WITH KEY = {InfluxQl.QuoteIdentifier(key)}", ct))
                        .Select(r => r.Series.GetString(r.Row, "value") ?? string.Empty));
                }

                foreach (var (series, row) in await platform.Influx.RowsAsync($"SHOW FIELD KEYS FROM {from}", ct))
                {
                    var field = series.GetString(row, "fieldKey")!;
                    strings.Add(field);
                    if (series.GetString(row, "fieldType") == "string")
                    {
                        strings.AddRange((await platform.Influx.RowsAsync($"SELECT {InfluxQl.QuoteIdentifier(field)} FROM {from}", ct))
                            .Select(r => r.Series.GetString(r.Row, field) ?? string.Empty));
                    }
                }
            }
        }

        return strings;
    }
}
