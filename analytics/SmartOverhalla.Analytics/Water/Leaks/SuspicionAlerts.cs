using System.Globalization;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Water.Alerts;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Analytics.Water.Leaks;

/// <summary>
/// A meter's suspicions as alert reports in the shared catalogue (<see cref="WaterAlertTypes.Leak"/>,
/// <see cref="WaterAlertTypes.Burst"/>, kind <c>watermeter</c>, device = the meter): an ongoing one is <c>active</c> since
/// its start with the litres lost so far and the rate; an ended one is <c>active</c> up to its end and <c>cleared</c> at it
/// (so a short burst between two runs is raised and cleared too; the gateway's ledger raises nothing that was cleared
/// after it began, so reporting it again at the next runs changes nothing). Detail in plain bokmål with the meter id and
/// district only.
/// </summary>
internal static class SuspicionAlerts
{
    public static IEnumerable<AlertReport> Of(string municipality, SuspicionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var suspicion = row.Suspicion;
        var type = TypeOf(suspicion.Kind);
        var at = suspicion.Until ?? suspicion.AsOf;
        yield return new AlertReport(
            municipality, WaterAlertTypes.MeterKind, row.Device, type, AlertReportState.Active, at, WaterLeaksJob.JobName,
            Since: suspicion.Since,
            Detail: Detail(row),
            Values: new Dictionary<string, double>
            {
                ["estimatedLitresLost"] = Math.Round(suspicion.LitresLost, 1),
                ["rateLph"] = Math.Round(suspicion.RateLph, 1),
            });
        if (suspicion.Until is { } until)
        {
            yield return Cleared(municipality, row.Device, suspicion.Kind, until);
        }
    }

    public static AlertReport Cleared(string municipality, string device, SuspicionKind kind, DateTimeOffset at) =>
        new(municipality, WaterAlertTypes.MeterKind, device, TypeOf(kind), AlertReportState.Cleared, at, WaterLeaksJob.JobName);

    private static string TypeOf(SuspicionKind kind) => kind == SuspicionKind.Leak ? WaterAlertTypes.Leak.Type : WaterAlertTypes.Burst.Type;

    private static string Detail(SuspicionRow row) => row.Suspicion.Kind == SuspicionKind.Leak
        ? string.Create(CultureInfo.InvariantCulture, $"Måler {row.Device} i sone {row.District}: vannet har gått uten stans i over et døgn, om lag {row.Suspicion.RateLph:0} liter i timen.")
        : string.Create(CultureInfo.InvariantCulture, $"Måler {row.Device} i sone {row.District}: svært stort forbruk, om lag {row.Suspicion.RateLph:0} liter i timen.");
}
