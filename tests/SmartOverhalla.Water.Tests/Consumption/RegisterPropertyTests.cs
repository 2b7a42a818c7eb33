using CsCheck;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Tests.Consumption;

/// <summary>Properties over arbitrary reading sequences: what no delivery order, repetition or meter change may break.</summary>
public sealed class RegisterPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A meter's true register every 5 to 90 minutes: rising by 0–200 L, sometimes backflowing up to 5 L.</summary>
    private static readonly Gen<List<RegisterReading>> Meter =
        Gen.Select(Gen.Int[5, 90], Gen.Double[0, 200], Gen.Int[0, 19]).List[2, 80].Select(steps =>
        {
            var readings = new List<RegisterReading>();
            var time = T0;
            var register = 1_000.0;
            foreach (var (minutes, rise, backflow) in steps)
            {
                time = time.AddMinutes(minutes);
                register = backflow == 0 ? Math.Max(0, register - 5) : register + rise;
                readings.Add(new RegisterReading(time, Math.Round(register, 3)));
            }

            return readings;
        });

    [Fact]
    public void Of_AnyReadings_NeverCountsANegativeInterval() =>
        Meter.Sample(readings => Assert.All(RegisterIntervals.Of(readings, RegisterRules.Household), i => Assert.True(i.Litres >= 0)), iter: 500);

    [Fact]
    public void Of_AnyDeliveryOrderWithRepeats_CountsTheSame() =>
        Gen.Select(Meter, Gen.Int).Sample(
            pair =>
            {
                var (readings, seed) = pair;
                var random = new Random(seed);
                var delivered = readings.Concat(readings.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
                Assert.Equal(RegisterIntervals.Of(readings, RegisterRules.Household), RegisterIntervals.Of(delivered, RegisterRules.Household));
            },
            iter: 300);

    [Fact]
    public void Of_AnyRegister_CountsExactlyItsRiseAboveTheFirstReadingAtItsHighestPoint() =>
        Meter.Sample(
            readings =>
            {
                // Without meter changes the litres counted are what the register climbed to at its peak above where it began:
                // backflow given back is never counted twice.
                var counted = RegisterIntervals.Of(readings, RegisterRules.Household).Sum(i => i.Litres);
                var expected = readings.Max(r => r.VolumeL) - readings[0].VolumeL;
                Assert.Equal(expected, counted, 6);
            },
            iter: 500);

    [Fact]
    public void HourlyConsumption_AnyIntervals_SumToWhatTheyCount() =>
        Meter.Sample(
            readings =>
            {
                var intervals = RegisterIntervals.Of(readings, RegisterRules.Household);
                var hours = HourlyConsumption.Of(intervals, readings[0].Time, readings[^1].Time);
                Assert.Equal(intervals.Sum(i => i.Litres), hours.Sum(h => h.Litres), 6);
            },
            iter: 300);
}
