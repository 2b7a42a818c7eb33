using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Tests.Consumption;

public sealed class HourlyConsumptionTests
{
    private const int Precision = 9;
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_IntervalAcrossTheHour_IsSharedByTime()
    {
        // 60 L between 10:45 and 11:15: 30 L in each hour, each hour covered for 15 minutes.
        var hours = HourlyConsumption.Of([new ConsumptionInterval(T0.AddMinutes(45), T0.AddMinutes(75), 60, false, false)], T0, T0.AddHours(3));

        Assert.Equal([T0, T0.AddHours(1)], hours.Select(h => h.Start));
        Assert.All(hours, h => Assert.Equal(30, h.Litres, Precision));
        Assert.All(hours, h => Assert.Equal(TimeSpan.FromMinutes(15), h.Covered));
        Assert.All(hours, h => Assert.False(h.Complete));
    }

    [Fact]
    public void Of_SixHourGap_IsSpreadEvenlyAndEstimatedInEachHour()
    {
        var gap = new ConsumptionInterval(T0, T0.AddHours(6), 600, Estimated: true, Reset: false);

        var hours = HourlyConsumption.Of([gap], T0, T0.AddHours(6));

        Assert.Equal(6, hours.Count);
        Assert.All(hours, h => Assert.Equal(100, h.Litres, Precision));
        Assert.All(hours, h => Assert.Equal(100, h.EstimatedLitres, Precision));
        Assert.All(hours, h => Assert.True(h.Complete));
    }

    [Fact]
    public void Of_Window_TakesOnlyItsShareOfIntervalsThatReachOutsideIt()
    {
        // 120 L from 09:30 to 10:30 and 120 L from 12:30 to 13:30; the window is 10:00–13:00.
        ConsumptionInterval[] intervals =
        [
            new(T0.AddMinutes(-30), T0.AddMinutes(30), 120, false, false),
            new(T0.AddMinutes(30), T0.AddMinutes(150), 0, false, false),
            new(T0.AddMinutes(150), T0.AddMinutes(210), 120, false, false),
        ];

        var hours = HourlyConsumption.Of(intervals, T0, T0.AddHours(3));

        Assert.Equal([60.0, 0.0, 60.0], hours.Select(h => h.Litres));
        Assert.All(hours, h => Assert.True(h.Complete));
    }

    [Fact]
    public void PerLocalDay_TheDaySummerTimeEnds_Has25Hours()
    {
        // Sunday 25 October 2026 in Oslo runs from 22:00 UTC on the 24th to 23:00 UTC on the 25th: 25 hours.
        var start = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero);
        var hours = Enumerable.Range(0, 25).Select(i => new ConsumptionHour(start.AddHours(i), 10, 0, ConsumptionHour.Length)).ToList();

        var day = Assert.Single(ConsumptionTotal.PerLocalDay(hours));

        Assert.Equal(new DateOnly(2026, 10, 25), day.Key);
        Assert.Equal(250, day.Value.Litres, Precision);
        Assert.Equal(25, day.Value.Hours);
    }

    [Fact]
    public void SumPerHour_TwoMeters_AddUpHourByHour()
    {
        ConsumptionHour[] a = [new(T0, 10, 0, ConsumptionHour.Length), new(T0.AddHours(1), 20, 5, ConsumptionHour.Length)];
        ConsumptionHour[] b = [new(T0.AddHours(1), 7, 0, ConsumptionHour.Length)];

        var sum = ConsumptionTotal.SumPerHour([a, b]);

        Assert.Equal([10.0, 27.0], sum.Select(h => h.Litres));
        Assert.Equal([0.0, 5.0], sum.Select(h => h.EstimatedLitres));
    }
}
