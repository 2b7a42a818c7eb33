using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Water.Balance;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Gateway.Tests.Water;

/// <summary>
/// The planner API serves what the derived series hold (written here through the analytics host's writers), as JSON and
/// as CSV a Norwegian spreadsheet reads: parsed back with CsvHelper under nb-NO, the BOM checked byte by byte.
/// </summary>
public sealed class PlannerEndpointTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    [Fact]
    public async Task The_balance_is_what_the_series_holds_and_its_CSV_opens_with_Norwegian_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        // d01 on 2 March: 1,000 L in, 850 L used by 5 connections → 150 L lost, 15 %, 30 L per connection; night flow 12.5 L/h.
        // d02 on 2 March: no inflow → losses −40 L, no percentage; no night flow.
        await new WaterBalanceSeries(water.Influx.Writer, water.Influx.Query).WriteAsync(water.Municipality, [
            new DistrictDay(new DateOnly(2026, 3, 2), "d01", 1000, 850, 5, 12.5),
            new DistrictDay(new DateOnly(2026, 3, 2), "d02", 0, 40, 2, null),
            new DistrictDay(new DateOnly(2026, 3, 5), "d01", 900, 900, 5, 3),
        ], ct);
        using var planner = water.Client(TestApiKeys.Planner);

        using var json = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/water/balance?from=2026-03-01&to=2026-03-04", ct));
        var days = json.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["d01", "d02"], days.Select(d => d.GetProperty("district").GetString()));
        Assert.Equal(150, days[0].GetProperty("lossesL").GetDouble(), 9);
        Assert.Equal(15, days[0].GetProperty("lossesPct").GetDouble(), 9);
        Assert.Equal(30, days[0].GetProperty("lossesPerConnectionL").GetDouble(), 9);
        Assert.Equal(12.5, days[0].GetProperty("minNightFlowLph").GetDouble(), 9);
        Assert.Equal(-40, days[1].GetProperty("lossesL").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, days[1].GetProperty("lossesPct").ValueKind);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/water/balance?from=2026-03-01&to=2026-03-04");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await planner.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(4, text.Split("\r\n").Length); // header, two rows, and the empty rest after the last CRLF
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var rows = ReadCsv(bytes, "inflowL", "lossesL", "lossesPct", "minNightFlowLph");
        Assert.Equal(["date", "district", "inflowL", "consumptionL", "lossesL", "lossesPct", "lossesPerConnectionL", "connections", "minNightFlowLph"], rows.Header);
        Assert.Equal("2026-03-02", rows.Records[0]["date"]);
        Assert.Equal(1000m, rows.Numbers[0]["inflowL"]);
        Assert.Equal(15m, rows.Numbers[0]["lossesPct"]);
        Assert.Equal(12.5m, rows.Numbers[0]["minNightFlowLph"]);
        Assert.Equal("12,5", rows.Records[0]["minNightFlowLph"]);
        Assert.Equal(-40m, rows.Numbers[1]["lossesL"]);
        Assert.Null(rows.Numbers[1]["lossesPct"]);
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task District_consumption_and_the_leak_list_are_what_the_series_hold()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        var consumption = new WaterConsumptionSeries(water.Influx.Writer, water.Influx.Query);
        // 08:00 and 09:00 local on 2 March (07:00 and 08:00 UTC).
        await consumption.WriteDistrictsAsync(water.Municipality, WaterPeriod.Hour, [
            new DistrictConsumptionRow(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), "d01", 1234.5, 10.25, 3),
            new DistrictConsumptionRow(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), "d01", 600, 0, 3),
            new DistrictConsumptionRow(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), "d02", 75.75, 0, 1),
        ], ct);
        var since = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
        await new WaterSuspicionSeries(water.Influx.Writer, water.Influx.Query).WriteAsync(water.Municipality, [
            new SuspicionRow("hh-0001", "d01", new Suspicion(SuspicionKind.Leak, SuspicionSource.Rule, since, null, since.AddHours(20), 20, 400)),
            new SuspicionRow("hh-0003", "d02", new Suspicion(SuspicionKind.Burst, SuspicionSource.MeterAlarm, since.AddHours(1), since.AddHours(2), since.AddHours(2), 900, 900)),
        ], ct);
        using var operatorClient = water.Client(TestApiKeys.Operator);

        using var hours = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/water/consumption?period=hour&from=2026-03-02&to=2026-03-02&district=d01", ct));
        var rows = hours.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2026-03-02T08:00:00+01:00", "2026-03-02T09:00:00+01:00"], rows.Select(r => r.GetProperty("start").GetString()));
        Assert.Equal([1234.5, 600], rows.Select(r => r.GetProperty("litres").GetDouble()));
        Assert.Equal(10.25, rows[0].GetProperty("estimatedL").GetDouble());
        Assert.Equal(3, rows[0].GetProperty("meters").GetInt64());

        var csv = ReadCsv(await operatorClient.GetByteArrayAsync("/api/v1/water/consumption?period=hour&from=2026-03-02&to=2026-03-02&format=csv", ct), "litres");
        Assert.Equal(["2026-03-02 08:00", "2026-03-02 09:00", "2026-03-02 09:00"], csv.Records.Select(r => r["start"]));
        Assert.Equal([1234.5m, 600m, 75.75m], csv.Numbers.Select(n => n["litres"]));
        Assert.Equal(DateTime.Parse(csv.Records[0]["start"], Norwegian), new DateTime(2026, 3, 2, 8, 0, 0));

        using var leaks = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/water/leaks?from=2026-03-01&to=2026-03-03", ct));
        Assert.Equal(["hh-0001", "hh-0003"], leaks.RootElement.GetProperty("suspicions").EnumerateArray().Select(s => s.GetProperty("meter").GetString()));
        using var ongoing = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/water/leaks?from=2026-03-01&to=2026-03-03&ongoing=true", ct));
        var leak = Assert.Single(ongoing.RootElement.GetProperty("suspicions").EnumerateArray());
        Assert.Equal("leak", leak.GetProperty("kind").GetString());
        Assert.Equal("rule", leak.GetProperty("source").GetString());
        Assert.Equal("2026-03-02T04:00:00+01:00", leak.GetProperty("since").GetString());
        Assert.Equal(400, leak.GetProperty("litresLost").GetDouble());

        var leakCsv = ReadCsv(await operatorClient.GetByteArrayAsync("/api/v1/water/leaks?from=2026-03-01&to=2026-03-03&format=csv", ct));
        Assert.Equal(["d01;hh-0001;leak;rule;2026-03-02 04:00;;ja;20;400", "d02;hh-0003;burst;meterAlarm;2026-03-02 05:00;2026-03-02 06:00;nei;900;900"],
            leakCsv.Records.Select(r => string.Join(';', leakCsv.Header.Select(h => r[h]))));
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData("/api/v1/water/consumption?from=2026-03-05&to=2026-03-01", "from")]
    [InlineData("/api/v1/water/consumption?period=hour&from=2026-01-01&to=2026-03-31", "to")]
    [InlineData("/api/v1/water/consumption?period=week", "period")]
    [InlineData("/api/v1/water/consumption?from=01.03.2026", "from")]
    [InlineData("/api/v1/water/consumption?from=9999-12-30&to=9999-12-31", "to,from")]
    [InlineData("/api/v1/water/balance?from=0001-01-01&to=2026-01-02", "from")]
    [InlineData("/api/v1/water/balance?from=2025-01-01&to=2026-03-01", "to")]
    [InlineData("/api/v1/water/balance?format=xlsx", "format")]
    [InlineData("/api/v1/water/balance?district=D%2001", "district")]
    [InlineData("/api/v1/water/leaks?ongoing=maybe", "ongoing")]
    [InlineData("/api/v1/water/leaks?municipality=Overhalla", "municipality")]
    public async Task Bad_ranges_and_parameters_get_a_400_naming_the_parameter(string path, string parameter)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        using var planner = water.Client(TestApiKeys.Planner);

        using var response = await planner.GetAsync(path, ct);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter.Split(','), problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        water.Factory.AssertNoUnexpectedErrors();
    }

    /// <summary>
    /// Reads the bytes as delivered (BOM included) as a spreadsheet with Norwegian settings would: ';' (nb-NO's list
    /// separator), numbers and dates in nb-NO; each record as header → text, numbers parsed by the reader's culture.
    /// </summary>
    private static (string[] Header, List<Dictionary<string, string>> Records, List<Dictionary<string, decimal?>> Numbers) ReadCsv(byte[] bytes, params string[] numberColumns)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', FormatProvider = Norwegian });
        var records = new List<Dictionary<string, string>>();
        var numbers = new List<Dictionary<string, decimal?>>();
        while (reader.Read())
        {
            records.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h), StringComparer.Ordinal));
            numbers.Add(numberColumns.ToDictionary(c => c, c => reader.GetString(c).Length == 0 ? (decimal?)null : reader.Parse<decimal>(c), StringComparer.Ordinal));
        }

        return ([.. reader.Headers], records, numbers);
    }
}
