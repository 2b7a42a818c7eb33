using SmartOverhalla.Alerts;
using SmartOverhalla.DerivedSeries.Lighting;
using SmartOverhalla.Influx;
using SmartOverhalla.Lighting.Alerts;
using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Time;

namespace SmartOverhalla.Dashboards.Tests.Platform;

/// <summary>
/// The series the ingestion path never writes: the savings the analytics host computes (<c>lighting_savings</c>,
/// <c>lighting_savings_light</c>) and the alerts of the gateway's alert central (<c>alert</c>), for the scripted lights.
/// <para>
/// Written with the platform's own code for each series, so their shape is the real one: the savings rows through
/// <see cref="SavingsSeries"/> (libs/SmartOverhalla.DerivedSeries, as the savings job writes them, the month rows as the
/// sum of the day rows), the alerts through an <see cref="AlertLedger"/> with the lighting alert types and
/// <see cref="AlertPoint"/> (libs/SmartOverhalla.Alerts). The figures are made up but consistent, as the savings README
/// computes them (lit hours × power at 100 % as the baseline, the meter's energy as the use, NOK and CO₂e at the
/// default price and factor): the savings job itself needs days of telemetry, which its own tests have.
/// </para>
/// </summary>
internal static class AnalyticsAndAlertSeries
{
    /// <summary>Lighting:Savings defaults (savings README, "Configuration").</summary>
    private static readonly SavingsPricing Pricing = new(PricePerKWhNok: 1.20, Co2KgPerKWh: 0.019);

    /// <summary>The two completed local days before today that get savings rows (the job computes completed days only).</summary>
    private const int Days = 2;

    /// <summary>Lights with their zone, power at 100 %, where that figure comes from, average dim level when lit, and standby.</summary>
    private static readonly (string Device, string Zone, double RatedPowerW, RatedPowerSource Source, double DimLevel, double StandbyW)[] Lights =
    [
        ("hand-light-01", "ranemsletta-sentrum", 62.5, RatedPowerSource.Learned, 0.55, 0.5),
        ("hand-light-02", "ranemsletta-sentrum", 60, RatedPowerSource.Default, 0.70, 0.5),
        ("sim-light-0001", "skage", 80, RatedPowerSource.Zone, 0.45, 0.5),
        ("sim-light-0002", "skage", 80, RatedPowerSource.Zone, 1.00, 0.5),
        ("sim-light-0003", SavingsZones.Unzoned, 60, RatedPowerSource.Default, 0.80, 0.5),
    ];

    /// <summary>The points written per measurement, for waiting until they are stored.</summary>
    public static readonly IReadOnlyList<(string Measurement, string Field, int Count)> ExpectedPoints =
    [
        ("lighting_savings_light", "savedKWh", Days * Lights.Length),
        ("alert", "active", 5),
    ];

    public static async Task WriteAsync(IInfluxWriter writer, IInfluxQueryClient query, string municipality, DateTimeOffset now, CancellationToken ct)
    {
        var series = new SavingsSeries(writer, query);
        var today = NorwegianTime.DateAt(now);
        var months = new HashSet<DateOnly>();
        for (var d = Days; d >= 1; d--)
        {
            var date = today.AddDays(-d);
            var litHours = 14.0 + (d * 0.25); // a winter night, a little longer the day before
            var rows = Lights.Select(light =>
            {
                var figures = SavingsFigures.Of(
                    new LightDayEnergy(
                        EnergyKWh: (litHours * light.RatedPowerW * light.DimLevel / 1000) + ((24 - litHours) * light.StandbyW / 1000),
                        BaselineKWh: litHours * light.RatedPowerW / 1000,
                        LitHours: litHours,
                        UnknownHours: 0),
                    Pricing);
                return new LightSavingsRow(
                    date, light.Device, light.Zone, figures.EnergyKWh, figures.BaselineKWh, figures.SavedKWh, figures.SavedNok, figures.SavedCo2Kg,
                    figures.LitHours, figures.UnknownHours, light.RatedPowerW, light.Source);
            }).ToList();
            await series.WriteLightsAsync(municipality, rows, ct);
            await series.WriteAsync(municipality, SavingsPeriod.Day, SavingsCalculator.Zones(date, rows), ct);
            months.Add(LocalDay.MonthOf(date));
        }

        // Each month's rows as the sum of its day rows, as the savings job rewrites them after each day.
        foreach (var month in months)
        {
            await series.WriteAsync(municipality, SavingsPeriod.Month, await series.SumOfDaysAsync(municipality, month, zone: null, ct), ct);
        }

        await writer.WriteAsync(Alerts(municipality, now), ct);
    }

    /// <summary>
    /// What the gateway's alert central records for the scripted devices: hand-light-01's lamp failure (still open),
    /// hand-light-02's driver fault (still open) and its unanswered commands (open), and a lamp failure on a simulated
    /// light that recovered (raised, then cleared: the open-alerts panel must not list it).
    /// </summary>
    private static List<PointData> Alerts(string municipality, DateTimeOffset now)
    {
        var ledger = new AlertLedger(new AlertCatalogue(LightingAlertTypes.All), TimeSpan.FromDays(7));
        AlertKey Key(string device, string type) => new(municipality, LightingAlertTypes.Kind, device, type);
        var changes = new List<Alert?>
        {
            ledger.Raise(Key("hand-light-01", "lampFailure"), now.AddMinutes(-5), new AlertSource(AlertSource.DeviceEvent, Detail: "lamp open circuit")),
            ledger.Raise(Key("hand-light-02", "driverFault"), now.AddMinutes(-5), new AlertSource(AlertSource.DeviceEvent, Detail: "driver overheated")),
            ledger.Raise(Key("hand-light-02", "unresponsive"), now.AddMinutes(-4), new AlertSource(AlertSource.CommandSilence, CmdId: "dash-cmd-3", Attempts: 3)),
            ledger.Raise(Key("sim-light-0001", "lampFailure"), now.AddMinutes(-10), new AlertSource(AlertSource.DeviceEvent, Detail: "lamp open circuit")),
            ledger.Clear(Key("sim-light-0001", "lampFailure"), now.AddMinutes(-3), "recovered"),
        };
        return [.. changes.Select(alert => AlertPoint.From(alert ?? throw new InvalidOperationException("The ledger refused a scripted alert change.")))];
    }
}
