using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Tests.Lighting;

public sealed class LightingSavingsOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new LightingSavingsOptions();

        Assert.Empty(Problems(options));
        Assert.Equal(1.20, options.PricePerKWhNok);
        Assert.Equal(0.019, options.Co2KgPerKWh);
        Assert.Equal(60, options.DefaultRatedPowerW);
    }

    [Fact]
    public void Validate_ZoneFigureOutOfRangeOrBadZoneId_NamesTheEntry()
    {
        var options = new LightingSavingsOptions { ZoneRatedPowerW = new(StringComparer.Ordinal) { ["skage"] = 0, ["Not A Zone"] = 50 } };

        var problems = Problems(options);

        Assert.Contains(problems, p => p.Contains("ZoneRatedPowerW:skage", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Not A Zone'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NegativePrice_IsRefused() =>
        Assert.Contains(Problems(new LightingSavingsOptions { PricePerKWhNok = -1 }), p => p.Contains(nameof(LightingSavingsOptions.PricePerKWhNok), StringComparison.Ordinal));

    /// <summary>The problems the validator the host runs at start finds.</summary>
    private static List<string> Problems(LightingSavingsOptions options) =>
        [.. new ConfigurationKeyValidator<LightingSavingsOptions, LightingSavingsOptionsValidator>(LightingSavingsOptions.SectionName).Validate(name: null, options).Failures ?? []];
}
