using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.Analytics.Alerts;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Alerts;
using SmartOverhalla.Water.Balance;

namespace SmartOverhalla.Analytics.Water.Consumption;

/// <summary>
/// After a district's day is balanced: its minimum night flow against the median of its earlier nights
/// (<see cref="NightFlowRule"/>, from <c>minNightFlowLph</c> of <c>water_balance</c>), reported as the district's
/// <c>nightFlowRise</c> alert, active since 02:00 of the night that rose (figures: tonight, baseline, rise), cleared at
/// 04:00 of a night back below. Too few earlier nights: nothing is reported. Reports are idempotent, so a day computed
/// again changes nothing at the gateway.
/// </summary>
internal sealed class NightFlowCheck(WaterBalanceSeries balance, IAlertReporter alerts, IOptions<WaterAnalyticsOptions> options, ILogger<NightFlowCheck> logger)
{
    public async Task JudgeAsync(string municipality, LocalDay day, DistrictDay today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(today);
        if (today.MinimumNightFlowLph is not { } tonight)
        {
            return;
        }

        var rule = options.Value.NightFlowThresholds();
        var earlier = await balance.ReadAsync(municipality, day.Date.AddDays(-rule.BaselineNights), day.Date.AddDays(-1), today.District, cancellationToken);
        var verdict = rule.Judge(tonight, earlier.Where(d => d.MinimumNightFlowLph is not null).OrderBy(d => d.Date).Select(d => d.MinimumNightFlowLph!.Value));
        if (verdict is not { } judged)
        {
            return;
        }

        // The night hours (WaterBalance.NightHours, 02:00-04:00 local): one to three clock hours on the days the clocks change.
        var nightHours = WaterBalance.NightHourStarts(day.Date);
        var nightStart = nightHours[0];
        var nightEnd = nightHours[^1] + TimeSpan.FromHours(1);
        var report = judged.Raised
            ? new AlertReport(
                municipality, WaterAlertTypes.DistrictKind, today.District, WaterAlertTypes.NightFlow.Type, AlertReportState.Active, nightEnd, WaterConsumptionJob.JobName,
                Since: nightStart,
                Detail: string.Create(CultureInfo.InvariantCulture, $"Sone {today.District}: minste nattforbruk {tonight:0} L i timen, vanlig nivå {judged.BaselineLph:0} L i timen."),
                Values: new Dictionary<string, double>
                {
                    ["minNightFlowLph"] = tonight,
                    ["baselineLph"] = judged.BaselineLph,
                    ["riseLph"] = judged.RiseLph,
                })
            : new AlertReport(municipality, WaterAlertTypes.DistrictKind, today.District, WaterAlertTypes.NightFlow.Type, AlertReportState.Cleared, nightEnd, WaterConsumptionJob.JobName);
        await alerts.ReportAsync([report], cancellationToken);
        if (judged.Raised)
        {
            Log.NightFlowRise(logger, municipality, today.District, day.Date, tonight, judged.BaselineLph);
        }
    }
}
