using SmartOverhalla.Alerts;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Alerts;
using SmartOverhalla.Water.Balance;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Dashboards.Tests.Platform;

/// <summary>
/// The water series the analytics host computes from the meters' registers (the daily balance per district, the
/// districts' consumption, leak and burst suspicions) and the water alerts of the gateway's alert central, for two
/// districts. Written with the platform's own code for each series (<see cref="WaterBalanceSeries"/>,
/// <see cref="WaterConsumptionSeries"/>, <see cref="WaterSuspicionSeries"/>, an <see cref="AlertLedger"/> with the water
/// alert types and <see cref="AlertPoint"/>), so their shape is the real one; the figures are made up but consistent
/// (consumption + losses = inflow): the water jobs themselves need days of readings, which their own tests have.
/// </summary>
internal static class WaterSeries
{
    /// <summary>The two completed local days before today that get balance rows (the job computes completed days only).</summary>
    private const int Days = 2;

    /// <summary>District, household meters, litres per household and day, losses as a share of the inflow, lowest night flow.</summary>
    private static readonly (string District, int Households, double LitresPerHousehold, double LossShare, double NightFlowLph)[] Districts =
    [
        ("ranemsletta", 120, 420, 0.22, 310),
        ("skage", 80, 390, 0.35, 520),
    ];

    /// <summary>The points written per measurement, for waiting until they are stored.</summary>
    public static readonly IReadOnlyList<(string Measurement, string Field, int Count)> ExpectedPoints =
    [
        (WaterBalanceSeries.Measurement, "inflowL", Days * Districts.Length),
        (WaterConsumptionSeries.DistrictMeasurement, "litres", Days * Districts.Length),
        (WaterSuspicionSeries.Measurement, "litresLost", 2),
    ];

    public static async Task WriteAsync(IInfluxWriter writer, IInfluxQueryClient query, string municipality, DateTimeOffset now, CancellationToken ct)
    {
        var today = NorwegianTime.DateAt(now);
        var balance = new WaterBalanceSeries(writer, query);
        var consumption = new WaterConsumptionSeries(writer, query);
        for (var d = Days; d >= 1; d--)
        {
            var date = today.AddDays(-d);
            var days = Districts.Select(district =>
            {
                var used = district.Households * district.LitresPerHousehold;
                var inflow = used / (1 - district.LossShare);
                return new DistrictDay(date, district.District, inflow, used, district.Households, district.NightFlowLph + (d * 10));
            }).ToList();
            await balance.WriteAsync(municipality, days, ct);
            await consumption.WriteDistrictsAsync(
                municipality,
                WaterPeriod.Day,
                days.Select(day => new DistrictConsumptionRow(LocalDay.MidnightOf(date), day.District, day.ConsumptionL, EstimatedL: 0, day.Connections)),
                ct);
        }

        var suspicions = new WaterSuspicionSeries(writer, query);
        var leakSince = now.AddHours(-30);
        var burstSince = now.AddHours(-6);
        await suspicions.WriteAsync(
            municipality,
            [
                // A running toilet since 30 hours ago, still going: 18 L/h.
                new SuspicionRow("sim-water-0003", "ranemsletta", new Suspicion(SuspicionKind.Leak, SuspicionSource.Rule, leakSince, null, now, 18, 18 * 30)),

                // A burst that was repaired after an hour: the open-suspicion panels must not list it.
                new SuspicionRow("sim-water-0004", "skage", new Suspicion(SuspicionKind.Burst, SuspicionSource.MeterAlarm, burstSince, burstSince.AddHours(1), now, 2_000, 2_000)),
            ],
            ct);

        await writer.WriteAsync(Alerts(municipality, now, leakSince), ct);
    }

    /// <summary>What the alert central records from the water jobs' reports: the open leak, and a night-flow rise in skage.</summary>
    private static List<PointData> Alerts(string municipality, DateTimeOffset now, DateTimeOffset leakSince)
    {
        var ledger = new AlertLedger(new AlertCatalogue(WaterAlertTypes.All), TimeSpan.FromDays(7));
        var job = new AlertSource(AlertSource.DerivedData, Job: "water-leaks");
        var changes = new List<Alert?>
        {
            ledger.Raise(new AlertKey(municipality, WaterAlertTypes.MeterKind, "sim-water-0003", "leak"), leakSince.AddHours(24), job, new Dictionary<string, double> { ["litresLost"] = 18 * 24 }),
            ledger.Raise(new AlertKey(municipality, WaterAlertTypes.DistrictKind, "skage", "nightFlowRise"), now.AddHours(-12), job with { Job = "water-consumption" }),
        };
        return [.. changes.Select(alert => AlertPoint.From(alert ?? throw new InvalidOperationException("The ledger refused a scripted water alert.")))];
    }
}
