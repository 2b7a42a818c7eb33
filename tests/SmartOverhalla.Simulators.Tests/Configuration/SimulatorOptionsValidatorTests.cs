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

    [Fact]
    public void Validate_FaultsOnLightsOfTheFleet_Succeeds()
    {
        var options = new SimulatorOptions { Streetlights = 10 };
        options.StreetlightFaults.LampFailure.Devices = ["sim-light-0001", "sim-light-0010"];
        options.StreetlightFaults.SlowAck.Fraction = 1;

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("sim-light-0011")]
    [InlineData("sim-light-0000")]
    [InlineData("sim-water-0001")]
    [InlineData("other-light-0001")]
    [InlineData("sim-light-1")]
    public void Validate_AFaultOnALightTheFleetDoesNotHave_FailsNamingTheSettingAndTheId(string deviceId)
    {
        var options = new SimulatorOptions { Streetlights = 10 };
        options.StreetlightFaults.NeverAck.Devices = [deviceId];

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"StreetlightFaults:NeverAck:Devices names '{deviceId}', which is not a simulated street light: the simulated street lights are sim-light-0001 to sim-light-0010.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_AFaultFractionOutside0To1_FailsNamingIt(double fraction)
    {
        var options = new SimulatorOptions();
        options.StreetlightFaults.DriverFault.Fraction = fraction;

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("DriverFault.Fraction", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeCommandSilenceFallbackOrSlowAckDelay_FailsNamingThem()
    {
        var options = new SimulatorOptions { CommandSilenceFallback = TimeSpan.FromMinutes(-1) };
        options.StreetlightFaults.SlowAckDelay = TimeSpan.FromSeconds(-1);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(nameof(SimulatorOptions.CommandSilenceFallback), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(StreetlightFaultOptions.SlowAckDelay), result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00:00:00")]
    public void Validate_NoCommandSilenceFallback_Succeeds(string? fallback)
    {
        var options = new SimulatorOptions { CommandSilenceFallback = fallback is null ? null : TimeSpan.Parse(fallback, System.Globalization.CultureInfo.InvariantCulture) };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
