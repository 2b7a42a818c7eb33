using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Water.Tests.Leaks;

/// <summary>The leak and burst rules on a household worked out by hand (<see cref="Household"/>).</summary>
public sealed class LeakDetectorTests
{
    private const int Precision = 6;
    private static readonly LeakRules Rules = LeakRules.Household;
    private static readonly DateTimeOffset Start = Household.Start;

    [Fact]
    public void Leaks_HouseholdAlone_HasFlowFreeHoursEveryNightAndNoLeak() =>
        Assert.Empty(LeakDetector.Leaks(Household.Intervals(3, _ => 0), Rules));

    [Fact]
    public void Leaks_RunningToiletFrom0310_IsALeakSinceTheQuarterItBeganAtItsOwnRate()
    {
        // A toilet runs at 20 L/h from 03:10 on the first day and is still running at the end, three days later.
        var leakStart = Start.AddHours(3).AddMinutes(10);
        var intervals = Household.Intervals(3, t => t >= leakStart ? 20 : 0);

        var leak = Assert.Single(LeakDetector.Leaks(intervals, Rules));

        // It began in the reading interval 03:00–03:15 (within one reporting interval), flows 20 L/h (the least of any
        // whole hour after the first: the nights), and is still on: 20 L/h × 68 h from 03:00 to the last reading.
        Assert.Equal(SuspicionKind.Leak, leak.Kind);
        Assert.Equal(SuspicionSource.Rule, leak.Source);
        Assert.Equal(Start.AddHours(3), leak.Since);
        Assert.True(leak.Ongoing);
        Assert.Equal(20, leak.RateLph, Precision);
        Assert.Equal(Start.AddDays(3), leak.AsOf);
        Assert.Equal(20 * 69, leak.LitresLost, Precision);
    }

    [Fact]
    public void Leaks_MeterReadHourlyOffTheHour_RatesTheLeakFromHoursAfterTheIntervalHoldingItsStart()
    {
        // A meter read every hour at :47 (nothing used at night), a leak of 28 L/h from 02:15 on the first day, still on
        // three days later. The interval 01:47–02:47 holds 32 minutes of it, 14.93 L, spread over the hours 01 and 02:
        // hour 02:00–03:00 gets 47/60 of it plus 13 minutes of the next interval's 28 L, 17.76 L — not the leak's rate.
        var first = Household.Start.AddMinutes(47);
        var leakStart = Household.Start.AddHours(2).AddMinutes(15);
        var readings = new List<RegisterReading>();
        var register = 500.0;
        for (var t = first; t <= Household.Start.AddDays(3); t += TimeSpan.FromHours(1))
        {
            readings.Add(new RegisterReading(t, register));
            register += Enumerable.Range(0, 60).Sum(m => t.AddMinutes(m) >= leakStart ? 28.0 / 60 : 0) + Household.Use(t) * 4;
        }

        var leak = Assert.Single(LeakDetector.Leaks(RegisterIntervals.Of(readings, RegisterRules.Household), Rules));

        // Since the start of the interval holding 02:15 (01:47, within one reporting interval); the rate from 03:00 on,
        // where every hour holds 47 minutes of one interval and 13 of the next, both all leak at night: 28 L/h. Lost:
        // 28 L/h from 01:47 to the last reading at 23:47 on the third day, 70 hours.
        Assert.Equal(Household.Start.AddHours(1).AddMinutes(47), leak.Since);
        Assert.Equal(28, leak.RateLph, Precision);
        Assert.Equal(Household.Start.AddDays(2).AddHours(23).AddMinutes(47), leak.AsOf);
        Assert.Equal(28 * 70, leak.LitresLost, Precision);
    }

    [Fact]
    public void Leaks_MeterSilentForADayAndAHalf_IsNoLeak()
    {
        // A meter read every 15 minutes sends nothing from 02:00 on the first day until 14:00 on the second (a radio gap
        // of 36 h); the household used 360 L in that time (80 + 200 + 80), which the reading after the gap shows at once.
        var readings = new List<RegisterReading>();
        for (var t = Start; t <= Start.AddDays(3); t += Household.Quarter)
        {
            if (t > Start.AddHours(2) && t < Start.AddHours(38))
            {
                continue;
            }

            var used = Enumerable.Range(0, (int)((t - Start) / Household.Quarter)).Sum(q => Household.Use(Start + (q * Household.Quarter)));
            readings.Add(new RegisterReading(t, 1_000 + used));
        }

        var intervals = RegisterIntervals.Of(readings, RegisterRules.Household);

        // The gap's litres are spread over its 36 hours (no flow-free hour among them), but spread litres prove nothing: no leak.
        Assert.Contains(intervals, i => i.Estimated);
        Assert.Empty(LeakDetector.Leaks(intervals, Rules));
    }

    [Fact]
    public void Leaks_LeakMendedOnTheThirdDay_EndsAtTheFirstFlowFreeHour()
    {
        // 20 L/h from 03:00 on the first day until 11:30 on the third; the household uses nothing 08:00–16:00.
        var intervals = Household.Intervals(3, t => t >= Start.AddHours(3) && t < Start.AddDays(2).AddHours(11.5) ? 20 : 0);

        var leak = Assert.Single(LeakDetector.Leaks(intervals, Rules));

        // 11:00–12:00 still had 10 L of leak; 12:00–13:00 is the first flow-free hour.
        Assert.Equal(Start.AddHours(3), leak.Since);
        Assert.Equal(Start.AddDays(2).AddHours(12), leak.Until);
        Assert.Equal(20 * (48 + 9), leak.LitresLost, Precision);
    }

    [Fact]
    public void Leaks_FlowForLessThanADay_IsNoLeak()
    {
        // 20 L/h for 20 hours: the following night has flow-free hours again.
        var intervals = Household.Intervals(3, t => t >= Start.AddHours(3) && t < Start.AddHours(23) ? 20 : 0);

        Assert.Empty(LeakDetector.Leaks(intervals, Rules));
    }

    [Fact]
    public void Bursts_PipeBurstingForAnHour_IsABurstWithAllItsLitres()
    {
        // 3,000 L/h from 14:00 to 15:00 on the second day: above half of Q3 (1,250 L/h) for more than 30 minutes.
        var burstStart = Start.AddDays(1).AddHours(14);
        var intervals = Household.Intervals(2, t => t >= burstStart && t < burstStart.AddHours(1) ? 3_000 : 0);

        var burst = Assert.Single(LeakDetector.Bursts(intervals, Rules));

        Assert.Equal(burstStart, burst.Since);
        Assert.Equal(burstStart.AddHours(1), burst.Until);
        Assert.Equal(3_000, burst.LitresLost, Precision);
        Assert.Equal(3_000, burst.RateLph, Precision);
    }

    [Fact]
    public void Bursts_HighFlowForAQuarterHourOnly_IsNoBurst()
    {
        // A garden hose at 2,000 L/h for 15 minutes.
        var intervals = Household.Intervals(1, t => t >= Start.AddHours(12) && t < Start.AddHours(12.25) ? 2_000 : 0);

        Assert.Empty(LeakDetector.Bursts(intervals, Rules));
    }

    [Fact]
    public void Bursts_LargeVolumeOverAGap_IsNoBurst()
    {
        // Readings at 10:00 and 12:00 only (a gap): 3,000 L in two hours is 1,500 L/h on average, but when it flowed is unknown.
        var intervals = RegisterIntervals.Of(
            [new(Start.AddHours(10), 0), new(Start.AddHours(13), 4_500)],
            RegisterRules.Household);

        Assert.True(Assert.Single(intervals).Estimated);
        Assert.Empty(LeakDetector.Bursts(intervals, Rules));
    }
}
