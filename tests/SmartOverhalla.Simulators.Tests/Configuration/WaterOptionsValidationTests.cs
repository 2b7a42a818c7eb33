using SmartOverhalla.Simulators.Configuration;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class WaterOptionsValidationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly SimulatorOptionsValidator _validator = new();

    [Fact]
    public void Validate_AFullValidScenario_Succeeds()
    {
        var options = Options(o =>
        {
            o.Water.Districts = 2;
            o.Water.Leaks.Add(new WaterLeakOptions { Meter = "sim-water-0200", Start = Start, RateLph = 20 });
            o.Water.Bursts.Add(new WaterBurstOptions { Meter = "7", Start = Start, Duration = TimeSpan.FromHours(1), RateLph = 2000 });
            o.Water.Replacements.Add(new MeterReplacementOptions { Meter = "8", At = Start });
            o.Water.Holidays.Add(new HolidayOptions { Meter = "9", Start = Start, End = Start.AddDays(5) });
            o.Water.PipeLeaks.Add(new PipeLeakOptions { District = "dma-02", Start = Start, RateLph = 300 });
            (o.Backfill.From, o.Backfill.To) = (Start, Start.AddDays(14));
        });

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("201")]
    [InlineData("0")]
    [InlineData("sim-water-0201")]
    [InlineData("sim-light-0001")]
    [InlineData("vannmåler 3")]
    public void Validate_ALeakOnAMeterTheFleetDoesNotHave_NamesTheSettingTheValueAndTheMeters(string meter)
    {
        var result = _validator.Validate(null, Options(o => o.Water.Leaks.Add(new WaterLeakOptions { Meter = meter, Start = Start, RateLph = 20 })));

        Assert.True(result.Failed);
        Assert.Contains(
            $"Water:Leaks:0:Meter names '{meter}', which is not a simulated household meter: the household meters are 1 to 200 (sim-water-0001 to sim-water-0200).",
            result.FailureMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_APipeLeakInADistrictThatDoesNotExist_NamesTheDistricts()
    {
        var result = _validator.Validate(null, Options(o =>
        {
            o.Water.Districts = 2;
            o.Water.PipeLeaks.Add(new PipeLeakOptions { District = "dma-03", Start = Start, RateLph = 300 });
        }));

        Assert.True(result.Failed);
        Assert.Contains("Water:PipeLeaks:0:District names 'dma-03', which is not a simulated district: the districts are 1 to 2 (dma-01 to dma-02).", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ABurstTooShortForTheMetersInterval_SaysHowLongItMustBe()
    {
        var result = _validator.Validate(null, Options(o =>
        {
            o.Water.HouseholdIntervalMin = TimeSpan.FromMinutes(45);
            o.Water.Bursts.Add(new WaterBurstOptions { Meter = "1", Start = Start, Duration = TimeSpan.FromHours(1), RateLph = 2000 });
        }));

        // 45 min + max(45 min, 30 min) = 1 h 30 min
        Assert.True(result.Failed);
        Assert.Contains("Water:Bursts:0:Duration is 01:00:00, shorter than 01:30:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ABurstBelowTheBurstThreshold_IsRefusedByItsRange()
    {
        var result = _validator.Validate(null, Options(o => o.Water.Bursts.Add(new WaterBurstOptions { Meter = "1", Start = Start, RateLph = 800 })));

        Assert.True(result.Failed);
        Assert.Contains("RateLph", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("1250", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ALeakEndingBeforeItStarts_NamesTheEnd()
    {
        var result = _validator.Validate(null, Options(o => o.Water.Leaks.Add(new WaterLeakOptions { Meter = "1", Start = Start, End = Start.AddHours(-1), RateLph = 20 })));

        Assert.True(result.Failed);
        Assert.Contains("Water:Leaks:0:End (2026-11-03T11:00:00.0000000+00:00) is not after its Start (2026-11-03T12:00:00.0000000+00:00).", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ALeakWithoutMeterOrStart_SaysTheyAreRequired()
    {
        var result = _validator.Validate(null, Options(o => o.Water.Leaks.Add(new WaterLeakOptions { RateLph = 20 })));

        Assert.True(result.Failed);
        Assert.Contains("Meter", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Start", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ABackfillEndingBeforeItStarts_NamesBothEnds()
    {
        var result = _validator.Validate(null, Options(o => (o.Backfill.From, o.Backfill.To) = (Start, Start.AddDays(-1))));

        Assert.True(result.Failed);
        Assert.Contains("Backfill:To (2026-11-02T12:00:00.0000000+00:00) is not after ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Backfill:From (2026-11-03T12:00:00.0000000+00:00).", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ABackfillWithoutItsEnd_SaysWhatIsMissing()
    {
        var result = _validator.Validate(null, Options(o => o.Backfill.From = Start));

        Assert.True(result.Failed);
        Assert.Contains("Backfill:To is missing", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreDistrictsThanHouseholdsOrAMinimumIntervalAboveTheMaximum_IsRefused()
    {
        var result = _validator.Validate(null, Options(o =>
        {
            o.Watermeters = 3;
            o.Water.Districts = 4;
            o.Water.HouseholdIntervalMin = TimeSpan.FromMinutes(40);
            o.Water.HouseholdIntervalMax = TimeSpan.FromMinutes(30);
        }));

        Assert.True(result.Failed);
        Assert.Contains("Water:Districts is 4, more than the 3 household meters", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Water:HouseholdIntervalMin (00:40:00) is longer than ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Water:HouseholdIntervalMax (00:30:00).", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AHouseholdIntervalOverAnHour_IsRefused()
    {
        var result = _validator.Validate(null, Options(o => o.Water.HouseholdIntervalMax = TimeSpan.FromMinutes(90)));

        Assert.True(result.Failed);
        Assert.Contains("HouseholdIntervalMax", result.FailureMessage, StringComparison.Ordinal);
    }

    private static SimulatorOptions Options(Action<SimulatorOptions> configure)
    {
        var options = new SimulatorOptions { Streetlights = 0, Ploughs = 0, Watermeters = 200 };
        configure(options);
        return options;
    }
}
