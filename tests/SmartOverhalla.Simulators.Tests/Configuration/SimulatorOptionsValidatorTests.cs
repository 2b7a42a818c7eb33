using SmartOverhalla.Simulators.Configuration;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class SimulatorOptionsValidatorTests
{
    private readonly SimulatorOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = _validator.Validate(null, new SimulatorOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoDevicesAndAMessageLimit_Succeeds()
    {
        var result = _validator.Validate(null, new SimulatorOptions { Streetlights = 0, Watermeters = 0, Ploughs = 0, MessagesPerDevice = 1 });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Overhalla")]
    [InlineData("over halla")]
    [InlineData("o")]
    [InlineData("9overhalla")]
    [InlineData("overhalla/+")]
    public void Validate_InvalidMunicipality_FailsNamingTheMunicipality(string municipality)
    {
        var result = _validator.Validate(null, new SimulatorOptions { Municipality = municipality });

        Assert.True(result.Failed);
        Assert.Contains(nameof(SimulatorOptions.Municipality), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(municipality, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0, 0, nameof(SimulatorOptions.Streetlights))]
    [InlineData(0, -5, 0, nameof(SimulatorOptions.Watermeters))]
    [InlineData(0, 0, SimulatorOptions.MaxDevicesPerKind + 1, nameof(SimulatorOptions.Ploughs))]
    public void Validate_CountOutOfRange_FailsNamingTheCount(int streetlights, int watermeters, int ploughs, string name)
    {
        var result = _validator.Validate(null, new SimulatorOptions { Streetlights = streetlights, Watermeters = watermeters, Ploughs = ploughs });

        Assert.True(result.Failed);
        Assert.Contains(name, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroInterval_Fails()
    {
        var result = _validator.Validate(null, new SimulatorOptions { PloughInterval = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains(nameof(SimulatorOptions.PloughInterval), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroMessagesPerDevice_Fails()
    {
        var result = _validator.Validate(null, new SimulatorOptions { MessagesPerDevice = 0 });

        Assert.True(result.Failed);
        Assert.Contains(nameof(SimulatorOptions.MessagesPerDevice), result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim/1")]
    [InlineData("-sim")]
    [InlineData("")]
    public void Validate_InvalidDeviceIdPrefix_Fails(string prefix)
    {
        var result = _validator.Validate(null, new SimulatorOptions { DeviceIdPrefix = prefix });

        Assert.True(result.Failed);
        Assert.Contains(nameof(SimulatorOptions.DeviceIdPrefix), result.FailureMessage, StringComparison.Ordinal);
    }
}
