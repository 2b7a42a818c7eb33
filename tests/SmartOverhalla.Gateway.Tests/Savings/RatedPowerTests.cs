using SmartOverhalla.Gateway.Savings;

namespace SmartOverhalla.Gateway.Tests.Savings;

public sealed class RatedPowerTests
{
    private static readonly LightingSavingsOptions Options = new()
    {
        DefaultRatedPowerW = 60,
        ZoneRatedPowerW = new(StringComparer.Ordinal) { ["skogmo-industri"] = 80 },
        MinFullPowerSamples = 3,
    };

    [Fact]
    public void Resolve_EnoughReadingsAtFullPower_UsesTheLightsOwnMedian() =>
        Assert.Equal(new RatedPower(61, RatedPowerSource.Learned), RatedPower.Resolve(new FullPowerObservation(61, 3), "skogmo-industri", Options));

    [Fact]
    public void Resolve_TooFewReadingsAtFullPower_UsesTheZonesFigure() =>
        Assert.Equal(new RatedPower(80, RatedPowerSource.Zone), RatedPower.Resolve(new FullPowerObservation(61, 2), "skogmo-industri", Options));

    [Theory]
    [InlineData("skage")]
    [InlineData(null)]
    public void Resolve_NoReadingsAndNoZoneFigure_UsesTheDefault(string? zone) =>
        Assert.Equal(new RatedPower(60, RatedPowerSource.Default), RatedPower.Resolve(null, zone, Options));

    [Fact]
    public void Resolve_LearningOff_IgnoresTheReadings()
    {
        var options = new LightingSavingsOptions { LearnRatedPower = false, ZoneRatedPowerW = new(StringComparer.Ordinal) { ["skage"] = 45 } };

        Assert.Equal(new RatedPower(45, RatedPowerSource.Zone), RatedPower.Resolve(new FullPowerObservation(61, 500), "skage", options));
    }
}
