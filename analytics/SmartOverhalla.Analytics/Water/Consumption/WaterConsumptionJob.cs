using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Water.Directory;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Time;

namespace SmartOverhalla.Analytics.Water.Consumption;

/// <summary>
/// Water consumption per household meter and district, per hour, local day and local month, and each district's water
/// balance (domains/SmartOverhalla.Water, <c>Consumption/</c> and <c>Balance/</c>). Partition: a district of the meter
/// directory; window: a local day. For one district and day it reads its meters' raw readings (with each meter's reading
/// before midnight and after the next, so intervals across midnight are spread correctly), computes
/// (<see cref="DistrictDayCalculator"/>), writes the hours and the day of each meter and of the district, rewrites the
/// month rows as the sum of the month's day rows, writes the balance and judges the night flow
/// (<see cref="NightFlowCheck"/>). Every point is stamped at its hour's, day's or month's start, so computing a day again
/// overwrites it: nothing is counted twice.
/// </summary>
internal sealed class WaterConsumptionJob(
    IMeterDirectory directory,
    WaterReadingsReader reader,
    WaterConsumptionSeries consumption,
    WaterBalanceSeries balance,
    NightFlowCheck nightFlow,
    IOptions<WaterAnalyticsOptions> options,
    ILogger<WaterConsumptionJob> logger) : IDerivedDataJob
{
    public const string JobName = "water-consumption";

    /// <summary>Its schedule's configuration section under <c>Analytics:Jobs</c>.</summary>
    public const string SectionKey = "WaterConsumption";

    private readonly WaterAnalyticsOptions _options = options.Value;

    public string Name => JobName;

    public IJobWindows Windows => LocalDayWindows.Instance;

    /// <summary>The districts of the meter directory as last fetched.</summary>
    public IReadOnlyList<string> Partitions() => directory.Current.Districts;

    public Task RefreshAsync(CancellationToken cancellationToken) => directory.GetAsync(cancellationToken);

    public async Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
    {
        // One directory for the whole window, even if it is fetched again meanwhile.
        var meters = directory.Current;
        var municipality = meters.Municipality;
        var day = LocalDay.At(window.Start);
        var households = meters.Households(partition);
        var inflows = meters.Inflows(partition);
        var readings = await reader.RegistersAsync(
            municipality, [.. households, .. inflows], day.Start, day.End, _options.GapLookup, _options.MetersPerQuery, cancellationToken);
        if (readings.Count == 0)
        {
            Log.NoReadings(logger, municipality, partition, day.Date);
            return JobWindowResult.Empty;
        }

        var computed = DistrictDayCalculator.Compute(
            day,
            partition,
            households.Where(readings.ContainsKey).Select(m => KeyValuePair.Create(m, (IReadOnlyList<SmartOverhalla.Water.Consumption.RegisterReading>)readings[m].Registers)),
            inflows.Where(readings.ContainsKey).Select(m => (IReadOnlyList<SmartOverhalla.Water.Consumption.RegisterReading>)readings[m].Registers),
            WaterAnalyticsOptions.Registers);

        await consumption.WriteMetersAsync(municipality, WaterPeriod.Hour, computed.MeterHours, cancellationToken);
        await consumption.WriteMetersAsync(municipality, WaterPeriod.Day, computed.MeterDays, cancellationToken);
        await consumption.WriteDistrictsAsync(municipality, WaterPeriod.Hour, computed.DistrictHours, cancellationToken);
        var points = computed.MeterHours.Count + computed.MeterDays.Count + computed.DistrictHours.Count;
        if (computed.DistrictDay is { } districtDay)
        {
            await consumption.WriteDistrictsAsync(municipality, WaterPeriod.Day, [districtDay], cancellationToken);
            points++;
        }

        points += await WriteMonthAsync(municipality, partition, day.Date, cancellationToken);
        if (computed.Balance is { } dayBalance)
        {
            await balance.WriteAsync(municipality, [dayBalance], cancellationToken);
            points++;
            await nightFlow.JudgeAsync(municipality, day, dayBalance, cancellationToken);
        }

        Log.DayComputed(logger, municipality, partition, day.Date, computed.MeterDays.Count, computed.DistrictDay?.Litres ?? 0, computed.Balance?.LossesL);
        return new JobWindowResult(readings.Count, points);
    }

    /// <summary>The month of <paramref name="date"/> again, per meter and for the district, as the sum of its day rows.</summary>
    private async Task<int> WriteMonthAsync(string municipality, string district, DateOnly date, CancellationToken cancellationToken)
    {
        var month = LocalDay.MonthOf(date);
        var from = LocalDay.MidnightOf(month);
        var to = LocalDay.MidnightOf(month.AddMonths(1));
        var meterMonths = await consumption.SumOfMeterDaysAsync(municipality, district, from, to, cancellationToken);
        await consumption.WriteMetersAsync(municipality, WaterPeriod.Month, meterMonths, cancellationToken);
        var days = await consumption.ReadDistrictsAsync(municipality, WaterPeriod.Day, from, to, district, cancellationToken);
        if (days.Count == 0)
        {
            return meterMonths.Count;
        }

        var districtMonth = new DistrictConsumptionRow(from, district, days.Sum(d => d.Litres), days.Sum(d => d.EstimatedL), meterMonths.Count);
        await consumption.WriteDistrictsAsync(municipality, WaterPeriod.Month, [districtMonth], cancellationToken);
        return meterMonths.Count + 1;
    }
}
