using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Time;
using SmartOverhalla.Testing.Lighting;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Lighting.Tests.Savings;

/// <summary>
/// One light's day, worked out by hand. Readings every 15 minutes unless a test says otherwise; with the default gap
/// rule (3 × the median interval, at most 1 h) an interval of 45 minutes still counts and one of 60 does not.
/// </summary>
public sealed class LightDayCalculatorTests
{
    private const int Precision = 9;
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly ReadingRules Rules = new(GapFactor: 3, MaxGap: TimeSpan.FromHours(1), MaxPlausiblePowerW: 1000);

    // Tuesday 24 November 2026: CET all day, local midnight is 23:00 UTC the day before, 24 hours.
    private static readonly LocalDay November24 = LocalDay.Of(new DateOnly(2026, 11, 24));

    [Fact]
    public void Compute_DimmedToHalfForTenLitHoursAt60W_UsesHalfTheBaseline()
    {
        // Given: lit 00:00-04:00 and 18:00-24:00 (10 h) at 50 % of a 60 W light (30 W), nothing while off.
        var readings = ReadingsAround(November24, t => LocalHour(t) is < 4 or >= 18 ? (50, 30.0) : (0, 0.0));

        // When
        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        // Then: 10 h × 30 W = 0.3 kWh used; 10 h × 60 W = 0.6 kWh at full power; 0.3 kWh saved.
        Assert.Equal(10, day.LitHours, Precision);
        Assert.Equal(0.3, day.EnergyKWh, Precision);
        Assert.Equal(0.6, day.BaselineKWh, Precision);
        Assert.Equal(0.3, day.SavedKWh, Precision);
        Assert.Equal(0, day.UnknownHours, Precision);

        // And priced at 1.20 NOK/kWh and 0.019 kg CO₂e/kWh: 0.36 NOK, 0.0057 kg.
        var figures = SavingsFigures.Of(day, new SavingsPricing(PricePerKWhNok: 1.20, Co2KgPerKWh: 0.019));
        Assert.Equal(0.36, figures.SavedNok, Precision);
        Assert.Equal(0.0057, figures.SavedCo2Kg, Precision);
    }

    [Fact]
    public void Compute_RegisterResetMidEvening_LosesOnlyThatIntervalAndNeverGoesNegative()
    {
        // Given: 100 % at 60 W from 20:00 to 24:00; the meter is replaced at 21:50 and the 22:00 reading starts again at 0.
        var readings = ReadingsAround(November24, t => LocalHour(t) >= 20 ? (100, 60.0) : (0, 0.0), register: 1000);
        var reset = Oslo(2026, 11, 24, 22);
        var atReset = readings.Single(r => r.Time == reset).EnergyKWh;
        readings = [.. readings.Select(r => r.Time >= reset ? r with { EnergyKWh = r.EnergyKWh - atReset } : r)];

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        // Then: 16 lit quarters of 15 Wh = 0.24 kWh, less the one across the reset (21:45-22:00): 0.225 kWh.
        Assert.Equal(0.225, day.EnergyKWh, Precision);
        Assert.Equal(0.24, day.BaselineKWh, Precision);
        Assert.Equal(4, day.LitHours, Precision);
    }

    [Fact]
    public void Compute_RegisterJumpsUpToAnOlderMeter_CountsNothingForThatInterval()
    {
        // Given: the same evening, but the replacement meter comes with 3,000 kWh on its register.
        var readings = ReadingsAround(November24, t => LocalHour(t) >= 20 ? (100, 60.0) : (0, 0.0), register: 1000);
        var swap = Oslo(2026, 11, 24, 22);
        readings = [.. readings.Select(r => r.Time >= swap ? r with { EnergyKWh = r.EnergyKWh + 3000 } : r)];

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        // Then: 3,000 kWh in 15 min would be 12 MW, far over 1 kW: that interval counts 0, as a reset does.
        Assert.Equal(0.225, day.EnergyKWh, Precision);
    }

    [Fact]
    public void Compute_SpringForwardDay_Has23LitHours()
    {
        // Given: Sunday 29 March 2026 runs from 23:00 UTC on the 28th to 22:00 UTC on the 29th (clocks 02:00 -> 03:00);
        // lit all day at 50 % of 60 W.
        var sunday = LocalDay.Of(new DateOnly(2026, 3, 29));
        var readings = ReadingsAround(sunday, _ => (50, 30.0));

        var day = LightDayCalculator.Compute(readings.AsSamples(), sunday, ratedPowerW: 60, Rules);

        // Then: 23 h × 30 W = 0.69 kWh against 23 h × 60 W = 1.38 kWh.
        Assert.Equal(23, day.LitHours, Precision);
        Assert.Equal(0.69, day.EnergyKWh, Precision);
        Assert.Equal(1.38, day.BaselineKWh, Precision);
        Assert.Equal(0, day.UnknownHours, Precision);
    }

    [Fact]
    public void Compute_FallBackDay_Has25LitHours()
    {
        // Given: Sunday 25 October 2026 runs from 22:00 UTC on the 24th to 23:00 UTC on the 25th (clocks 03:00 -> 02:00).
        var sunday = LocalDay.Of(new DateOnly(2026, 10, 25));
        var readings = ReadingsAround(sunday, _ => (50, 30.0));

        var day = LightDayCalculator.Compute(readings.AsSamples(), sunday, ratedPowerW: 60, Rules);

        // Then: 25 h × 30 W = 0.75 kWh against 25 h × 60 W = 1.5 kWh.
        Assert.Equal(25, day.LitHours, Precision);
        Assert.Equal(0.75, day.EnergyKWh, Precision);
        Assert.Equal(1.5, day.BaselineKWh, Precision);
    }

    [Fact]
    public void Compute_GapOverThreeIntervals_IsUnknownForEnergyAndBaselineAlike()
    {
        // Given: lit all day at 100 % of 60 W; no readings between 10:00 and 11:00 (a 60 min gap) and none at
        // 14:15 (a 30 min gap).
        var readings = ReadingsAround(November24, _ => (100, 60.0))
            .Where(r => !(r.Time > Oslo(2026, 11, 24, 10) && r.Time < Oslo(2026, 11, 24, 11)) && r.Time != Oslo(2026, 11, 24, 14, 15))
            .ToList();

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        // Then: 60 min > 3 × 15 min: that hour is unknown, its 60 Wh counted in neither; 30 min counts. 23 h known.
        Assert.Equal(1, day.UnknownHours, Precision);
        Assert.Equal(23, day.LitHours, Precision);
        Assert.Equal(1.38, day.EnergyKWh, Precision);
        Assert.Equal(1.38, day.BaselineKWh, Precision);
    }

    [Fact]
    public void Compute_IntervalsAcrossMidnight_AreSharedByTime()
    {
        // Given: readings at :10, :30 and :50 every hour, lit at 100 % of 60 W (20 Wh per interval); the intervals
        // 23:50 -> 00:10 start and end the day with 10 minutes in it.
        var readings = Readings(November24.Start.AddMinutes(-50), November24.End.AddMinutes(50), TimeSpan.FromMinutes(20), _ => (100, 60.0));

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        // Then: exactly 24 h × 60 W = 1.44 kWh: 10 Wh of each edge interval, 70 whole ones of 20 Wh.
        Assert.Equal(1.44, day.EnergyKWh, Precision);
        Assert.Equal(24, day.LitHours, Precision);
        Assert.Equal(0, day.UnknownHours, Precision);
    }

    [Fact]
    public void Compute_NeverDimmedWithStandby_SavesLessThanNothing()
    {
        // Given: lit 10 h at 100 % of 60 W; the controller draws 0.5 W through the 14 h off.
        var readings = ReadingsAround(November24, t => LocalHour(t) is < 4 or >= 18 ? (100, 60.0) : (0, 0.5));

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        // Then: 0.6 kWh lit + 14 h × 0.5 W = 0.007 kWh standby, against 0.6 kWh: -0.007 kWh.
        Assert.Equal(0.607, day.EnergyKWh, Precision);
        Assert.Equal(-0.007, day.SavedKWh, Precision);
    }

    [Fact]
    public void Compute_ReadingsOnlyInTheEvening_ReportsTheRestUnknown()
    {
        // Given: a light that first reported at 18:00 (installed that evening).
        var readings = ReadingsAround(November24, _ => (50, 30.0)).Where(r => r.Time >= Oslo(2026, 11, 24, 18)).ToList();

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        Assert.Equal(18, day.UnknownHours, Precision);
        Assert.Equal(6, day.LitHours, Precision);
        Assert.Equal(0.18, day.EnergyKWh, Precision);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Compute_NoIntervals_IsAllUnknown(int readingCount)
    {
        var readings = ReadingsAround(November24, _ => (100, 60.0)).Take(readingCount).ToList();

        var day = LightDayCalculator.Compute(readings.AsSamples(), November24, ratedPowerW: 60, Rules);

        Assert.Equal(new LightDayEnergy(0, 0, 0, 24), day);
    }

    /// <summary>Readings every 15 min from an hour before <paramref name="day"/> to an hour after it.</summary>
    private static List<LightReading> ReadingsAround(LocalDay day, Func<DateTimeOffset, (int, double)> state, double register = 100) =>
        Readings(day.Start.AddHours(-1), day.End.AddHours(1), Quarter, state, register);
}
