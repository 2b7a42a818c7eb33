using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Tests.Consumption;

/// <summary>Register readings to consumption, worked out by hand: the edge cases radio networks and meter changes make.</summary>
public sealed class RegisterIntervalsTests
{
    private const int Precision = 9;
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly RegisterRules Rules = RegisterRules.Household;

    [Fact]
    public void Of_RegularReadings_CountsEachRiseOfTheRegister()
    {
        var intervals = RegisterIntervals.Of([At(0, 1000), At(15, 1040), At(30, 1040), At(45, 1100)], Rules);

        Assert.Equal([40.0, 0.0, 60.0], intervals.Select(i => i.Litres));
        Assert.All(intervals, i => Assert.False(i.Estimated));
        Assert.Equal(T0.AddMinutes(30), intervals[2].Start);
        Assert.Equal(240, intervals[2].LitresPerHour, Precision);
    }

    [Fact]
    public void Of_LateDuplicatedAndOutOfOrderReadings_CountTheSameAsInOrder()
    {
        RegisterReading[] inOrder = [At(0, 1000), At(15, 1040), At(30, 1040), At(45, 1100)];
        RegisterReading[] asDelivered = [At(30, 1040), At(0, 1000), At(45, 1100), At(15, 1040), At(30, 1040), At(0, 1000)];

        Assert.Equal(RegisterIntervals.Of(inOrder, Rules), RegisterIntervals.Of(asDelivered, Rules));
    }

    [Fact]
    public void Of_GapLongerThanTheRegularInterval_IsCountedInFullAndMarkedEstimated()
    {
        // Readings at 10:00 and 16:00 (six hours apart; the rule allows 2 h 30 min): 600 L happened somewhere in between.
        var interval = Assert.Single(RegisterIntervals.Of([At(0, 5000), At(360, 5600)], Rules));

        Assert.Equal(600, interval.Litres, Precision);
        Assert.True(interval.Estimated);
        Assert.False(interval.Reset);
    }

    [Fact]
    public void Of_MeterReplacedByOneStartingAtZero_CountsTheNewMetersReadingAndNeverANegativeDrop()
    {
        // The old meter stood at 1,100 L; the new one reads 20 L at the next report, then 60 L.
        var intervals = RegisterIntervals.Of([At(0, 1000), At(15, 1100), At(30, 20), At(45, 60)], Rules);

        Assert.Equal([100.0, 20.0, 40.0], intervals.Select(i => i.Litres));
        Assert.Equal([false, true, false], intervals.Select(i => i.Reset));
        Assert.Equal([false, true, false], intervals.Select(i => i.Estimated));
    }

    [Fact]
    public void Of_BackflowLowersTheRegisterALittle_CountsNothingAndNothingTwiceWhenItClimbsBack()
    {
        // 1,000 → 995 (5 L flowed back) → 1,003: only the 3 L above the earlier 1,000 are new use.
        var intervals = RegisterIntervals.Of([At(0, 1000), At(15, 995), At(30, 1003)], Rules);

        Assert.Equal([0.0, 3.0], intervals.Select(i => i.Litres));
        Assert.All(intervals, i => Assert.False(i.Reset));
    }

    [Fact]
    public void Of_RegisterRollsOverAtItsTop_CountsTheLitresAcrossTheTop()
    {
        // 10 L below 99,999 m³, then 10 L past zero: 20 L.
        var interval = Assert.Single(RegisterIntervals.Of([At(0, 99_998_990), At(15, 10)], Rules));

        Assert.Equal(20, interval.Litres, Precision);
        Assert.False(interval.Reset);
    }

    [Fact]
    public void Of_FewerThanTwoReadings_HasNoIntervals()
    {
        Assert.Empty(RegisterIntervals.Of([], Rules));
        Assert.Empty(RegisterIntervals.Of([At(0, 1000)], Rules));
        Assert.Empty(RegisterIntervals.Of([At(0, 1000), At(0, 1000)], Rules));
    }

    [Fact]
    public void Of_ReadingNotANumberOrNegative_IsLeftOut()
    {
        var intervals = RegisterIntervals.Of([At(0, 1000), At(15, double.NaN), At(30, -5), At(45, 1010)], Rules);

        var interval = Assert.Single(intervals);
        Assert.Equal(10, interval.Litres, Precision);
    }

    private static RegisterReading At(int minutes, double volumeL) => new(T0.AddMinutes(minutes), volumeL);
}
