using SmartOverhalla.Time;
using SmartOverhalla.Water.Balance;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Tests.Balance;

/// <summary>A district's day worked out by hand: inflow, households, losses and the minimum night flow.</summary>
public sealed class WaterBalanceTests
{
    private const int Precision = 9;
    private static readonly DateOnly Date = new(2026, 11, 24);
    private static readonly LocalDay Day = LocalDay.Of(Date);

    [Fact]
    public void Of_DistrictDay_IsInflowMinusHouseholdsWithItsShareAndPerConnection()
    {
        // Inflow 1,000 L every hour except 600 L/h 02–04 local time; three households of 100, 200 and 300 L in the day.
        var inflow = Hours(h => h is 2 or 3 ? 600 : 1_000);
        var households = new[] { 100.0, 200, 300 }.Select(litres => (IEnumerable<ConsumptionHour>)[new ConsumptionHour(Day.Start.AddHours(8), litres, 0, ConsumptionHour.Length)]);

        var balance = WaterBalance.Of(Date, "sentrum", inflow, households);

        // 22 × 1,000 + 2 × 600 = 23,200 L in; 600 L used; 22,600 L lost, 97.4 %, 7,533 L per connection.
        Assert.Equal(23_200, balance.InflowL, Precision);
        Assert.Equal(600, balance.ConsumptionL, Precision);
        Assert.Equal(22_600, balance.LossesL, Precision);
        Assert.Equal(22_600.0 / 23_200 * 100, balance.LossesPercent!.Value, Precision);
        Assert.Equal(3, balance.Connections);
        Assert.Equal(22_600.0 / 3, balance.LossesPerConnectionL!.Value, Precision);
        Assert.Equal(600, balance.MinimumNightFlowLph);
    }

    [Theory]
    [InlineData(2026, 3, 29, 23, 1)] // spring forward: 02:00 does not exist, the night is 03:00-04:00 only
    [InlineData(2026, 10, 25, 25, 3)] // fall back: 02:00-03:00 comes twice, then 03:00-04:00
    public void Of_DaysTheClocksChange_HaveTheirMinimumNightFlowFromTheNightHoursThatExist(int year, int month, int dayOfMonth, int hoursInDay, int nightHours)
    {
        // Inflow 1,000 L every hour of the local day except its night hours, which draw 400 L, then 300 L, then 200 L.
        var date = new DateOnly(year, month, dayOfMonth);
        var day = LocalDay.Of(date);
        var nights = WaterBalance.NightHourStarts(date);
        var inflow = Enumerable.Range(0, hoursInDay)
            .Select(h => day.Start.AddHours(h))
            .Select(start => new ConsumptionHour(start, nights.Contains(start) ? 400 - (100 * nights.ToList().IndexOf(start)) : 1_000, 0, ConsumptionHour.Length))
            .ToList();

        var balance = WaterBalance.Of(date, "sentrum", inflow, []);

        // The lowest of the night hours that day has: 400 L with one, 200 L with three.
        Assert.Equal(hoursInDay, (day.End - day.Start).TotalHours);
        Assert.Equal(nightHours, nights.Count);
        Assert.All(nights, start => Assert.Contains(NorwegianTime.ToLocal(start).Hour, WaterBalance.NightHours));
        Assert.Equal(400 - (100 * (nightHours - 1)), balance.MinimumNightFlowLph);
    }

    [Fact]
    public void Of_HoursOutsideTheLocalDay_DoNotCount()
    {
        // Local midnight of 24 November is 23:00 UTC on the 23rd: an hour at 22:00 UTC belongs to the 23rd.
        ConsumptionHour[] inflow = [new(Day.Start.AddHours(-1), 5_000, 0, ConsumptionHour.Length), new(Day.Start, 100, 0, ConsumptionHour.Length)];

        var balance = WaterBalance.Of(Date, "sentrum", inflow, []);

        Assert.Equal(100, balance.InflowL, Precision);
        Assert.Null(balance.MinimumNightFlowLph);
        Assert.Null(balance.LossesPerConnectionL);
    }

    [Fact]
    public void Of_NightHoursNotAllCovered_HasNoMinimumNightFlow()
    {
        var inflow = Hours(h => 500).Where(h => NorwegianTime.ToLocal(h.Start).Hour != 3);

        Assert.Null(WaterBalance.Of(Date, "sentrum", inflow, []).MinimumNightFlowLph);
    }

    [Fact]
    public void NightFlowRule_NightWellAboveItsMedian_IsRaised()
    {
        var rule = NightFlowRule.Default;
        var earlier = Enumerable.Range(0, 14).Select(i => 400.0 + (i % 3 * 10)).ToList(); // 400, 410, 420, ...: median 410

        Assert.Equal(new NightFlowVerdict(410, 290, true), rule.Judge(700, earlier));
        Assert.False(rule.Judge(600, earlier)!.Value.Raised); // 190 L/h more: under the 200 L/h floor
        Assert.True(rule.Judge(1_000, Enumerable.Repeat(10.0, 14))!.Value.Raised); // a quiet district: the 200 L/h floor decides
    }

    [Fact]
    public void NightFlowRule_FewerEarlierNightsThanTheBaseline_SaysNothing() =>
        Assert.Null(NightFlowRule.Default.Judge(5_000, [400, 400, 400]));

    /// <summary>The 24 hours of <see cref="Day"/> with <paramref name="litres"/> by local hour.</summary>
    private static List<ConsumptionHour> Hours(Func<int, double> litres) =>
        [.. Enumerable.Range(0, 24).Select(i => Day.Start.AddHours(i)).Select(start => new ConsumptionHour(start, litres(NorwegianTime.ToLocal(start).Hour), 0, ConsumptionHour.Length))];
}
