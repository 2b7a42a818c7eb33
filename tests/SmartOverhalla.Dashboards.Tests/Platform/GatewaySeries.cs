using SmartOverhalla.Influx;
using SmartOverhalla.Time;

namespace SmartOverhalla.Dashboards.Tests.Platform;

/// <summary>
/// The series the gateway writes and the ingestion path never does: <c>lighting_savings</c>,
/// <c>lighting_savings_light</c> (gateway/SmartOverhalla.Gateway/Savings) and <c>alert</c>
/// (gateway/SmartOverhalla.Gateway/Alerts).
/// <para>
/// Written here directly through the platform's own InfluxDB client (<see cref="IInfluxWriter"/>,
/// <see cref="PointData"/>), NOT by the gateway's code: <c>SavingsSeries</c>, <c>LightDayCalculator</c> and
/// <c>AlertPoint</c> are internal to the gateway and this project is not among its friend assemblies. The points
/// copy their shape as it stands in SavingsSeries.cs and AlertPoint.cs (measurement, tags, fields, field types) and
/// their stamps: a day's savings at local midnight Europe/Oslo of that day, a month's at local midnight of its first
/// day, an alert at its raise and its clearing. The figures are what the calculation in the savings README gives for
/// the lights below (lit hours × rated power at 100 % as the baseline, the meter's energy as the use, NOK and CO₂e at
/// the default price and factor). If the gateway changes its series, this copy must follow (the gateway's own tests
/// pin the real shape).
/// </para>
/// </summary>
internal static class GatewaySeries
{
    /// <summary>Lighting:Savings defaults (savings README, "Configuration").</summary>
    private const double PricePerKWhNok = 1.20;
    private const double Co2KgPerKWh = 0.019;

    /// <summary>The two completed local days before today that get savings rows (the gateway computes completed days only).</summary>
    private const int Days = 2;

    /// <summary>Lights with their zone, power at 100 %, where that figure comes from, average dim level when lit, and standby.</summary>
    private static readonly (string Device, string Zone, double RatedPowerW, string Source, double DimLevel, double StandbyW)[] Lights =
    [
        ("hand-light-01", "ranemsletta-sentrum", 62.5, "learned", 0.55, 0.5),
        ("hand-light-02", "ranemsletta-sentrum", 60, "default", 0.70, 0.5),
        ("sim-light-0001", "skage", 80, "zone", 0.45, 0.5),
        ("sim-light-0002", "skage", 80, "zone", 1.00, 0.5),
        ("sim-light-0003", "_unzoned", 60, "default", 0.80, 0.5),
    ];

    public static Task WriteAsync(IInfluxWriter writer, string municipality, DateTimeOffset now, CancellationToken ct)
    {
        var points = new List<PointData>();
        points.AddRange(Savings(municipality, now));
        points.AddRange(Alerts(municipality, now));
        return writer.WriteAsync(points, ct);
    }

    /// <summary>The points of <see cref="WriteAsync"/> per measurement, for waiting until they are stored.</summary>
    public static readonly IReadOnlyList<(string Measurement, string Field, int Count)> ExpectedPoints =
    [
        ("lighting_savings_light", "savedKWh", Days * Lights.Length),
        ("alert", "active", 5),
    ];

    private static IEnumerable<PointData> Savings(string municipality, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Oslo).DateTime);
        var rows = new List<(DateOnly Date, string Zone, double Energy, double Baseline, double LitHours)>();
        for (var d = Days; d >= 1; d--)
        {
            var date = today.AddDays(-d);
            var litHours = 14.0 + (d * 0.25); // a winter night, a little longer the day before
            foreach (var light in Lights)
            {
                var baseline = litHours * light.RatedPowerW / 1000;
                var energy = (litHours * light.RatedPowerW * light.DimLevel / 1000) + ((24 - litHours) * light.StandbyW / 1000);
                var saved = baseline - energy;
                rows.Add((date, light.Zone, energy, baseline, litHours));
                yield return PointData.Measurement("lighting_savings_light")
                    .Tag("municipality", municipality)
                    .Tag("zone", light.Zone)
                    .Tag("device", light.Device)
                    .Field("energyKWh", energy)
                    .Field("baselineKWh", baseline)
                    .Field("savedKWh", saved)
                    .Field("savedNok", saved * PricePerKWhNok)
                    .Field("savedCo2Kg", saved * Co2KgPerKWh)
                    .Field("litHours", litHours)
                    .Field("unknownHours", 0.0)
                    .Field("ratedPowerW", light.RatedPowerW)
                    .Field("ratedPowerSource", light.Source)
                    .Timestamp(MidnightOf(date));
            }
        }

        // Zone rows per day, and per month the sum of its days (lights: the most on one day), as the gateway writes them.
        foreach (var (key, group) in rows.GroupBy(r => (r.Date, r.Zone)).Select(g => (g.Key, g.ToList())))
        {
            yield return ZonePoint(municipality, "day", key.Zone, key.Date, group.Sum(r => r.Energy), group.Sum(r => r.Baseline), group.Count, group.Sum(r => r.LitHours));
        }

        foreach (var (key, group) in rows.GroupBy(r => (Month: new DateOnly(r.Date.Year, r.Date.Month, 1), r.Zone)).Select(g => (g.Key, g.ToList())))
        {
            var lights = group.GroupBy(r => r.Date).Max(d => d.Count());
            yield return ZonePoint(municipality, "month", key.Zone, key.Month, group.Sum(r => r.Energy), group.Sum(r => r.Baseline), lights, group.Sum(r => r.LitHours));
        }
    }

    private static PointData ZonePoint(string municipality, string period, string zone, DateOnly date, double energy, double baseline, long lights, double litHours)
    {
        var saved = baseline - energy;
        return PointData.Measurement("lighting_savings")
            .Tag("municipality", municipality)
            .Tag("zone", zone)
            .Tag("period", period)
            .Field("energyKWh", energy)
            .Field("baselineKWh", baseline)
            .Field("savedKWh", saved)
            .Field("savedNok", saved * PricePerKWhNok)
            .Field("savedCo2Kg", saved * Co2KgPerKWh)
            .Field("lights", lights)
            .Field("litHours", litHours)
            .Field("unknownHours", 0.0)
            .Timestamp(MidnightOf(date));
    }

    /// <summary>
    /// What the gateway's alert central records for the scripted devices: hand-light-01's lamp failure (still open),
    /// hand-light-02's driver fault (still open) and its unanswered commands (open), and a lamp failure on a simulated
    /// light that recovered (raised, then cleared: the open-alerts panel must not list it).
    /// </summary>
    private static IEnumerable<PointData> Alerts(string municipality, DateTimeOffset now)
    {
        yield return Raised(municipality, "hand-light-01", "lampFailure", "critical", "Lampen er defekt", now.AddMinutes(-5))
            .Field("detail", "lamp open circuit");
        yield return Raised(municipality, "hand-light-02", "driverFault", "warning", "Driverfeil: strømforbruket passer ikke med dimmenivået", now.AddMinutes(-5))
            .Field("detail", "driver overheated");
        yield return Raised(municipality, "hand-light-02", "unresponsive", "warning", "Lyset svarer ikke på kommandoer", now.AddMinutes(-4))
            .Field("cmdId", "dash-cmd-3")
            .Field("attempts", 3L);

        var recoveredId = Guid.NewGuid().ToString("D");
        yield return Raised(municipality, "sim-light-0001", "lampFailure", "critical", "Lampen er defekt", now.AddMinutes(-10), recoveredId)
            .Field("detail", "lamp open circuit");
        yield return Point(municipality, "sim-light-0001", "lampFailure", "critical", recoveredId)
            .Field("active", false)
            .Field("message", "Lampen virker igjen")
            .Field("clearedBy", "recovered")
            .Timestamp(now.AddMinutes(-3));
    }

    private static PointData Raised(string municipality, string device, string type, string severity, string message, DateTimeOffset at, string? id = null) =>
        Point(municipality, device, type, severity, id ?? Guid.NewGuid().ToString("D"))
            .Field("active", true)
            .Field("message", message)
            .Timestamp(at);

    private static PointData Point(string municipality, string device, string type, string severity, string alertId) =>
        PointData.Measurement("alert")
            .Tag("municipality", municipality)
            .Tag("kind", "streetlight")
            .Tag("device", device)
            .Tag("type", type)
            .Field("severity", severity)
            .Field("alertId", alertId);

    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>Local midnight Europe/Oslo of <paramref name="date"/> in UTC, as the gateway's LocalDay.MidnightOf.</summary>
    private static DateTimeOffset MidnightOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local)).ToUniversalTime();
    }
}
