using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Lighting.Tests.Savings;

public sealed class RatedPowerTests
{
    private static readonly RatedPowerRules Rules = new(
        Learn: true, MinFullPowerSamples: 3, DefaultWatts: 60, ZoneWatts: new Dictionary<string, double>(StringComparer.Ordinal) { ["skogmo-industri"] = 80 });

    [Fact]
    public void Resolve_EnoughReadingsAtFullPower_UsesTheLightsOwnMedian() =>
        Assert.Equal(new RatedPower(61, RatedPowerSource.Learned), RatedPower.Resolve(new FullPowerObservation(61, 3), "skogmo-industri", Rules));

    [Fact]
    public void Resolve_TooFewReadingsAtFullPower_UsesTheZonesFigure() =>
        Assert.Equal(new RatedPower(80, RatedPowerSource.Zone), RatedPower.Resolve(new FullPowerObservation(61, 2), "skogmo-industri", Rules));

    [Theory]
    [InlineData("skage")]
    [InlineData(null)]
    public void Resolve_NoReadingsAndNoZoneFigure_UsesTheDefault(string? zone) =>
        Assert.Equal(new RatedPower(60, RatedPowerSource.Default), RatedPower.Resolve(null, zone, Rules));

    [Fact]
    public void Resolve_LearningOff_IgnoresTheReadings()
    {
        var rules = Rules with { Learn = false, ZoneWatts = new Dictionary<string, double>(StringComparer.Ordinal) { ["skage"] = 45 } };

        Assert.Equal(new RatedPower(45, RatedPowerSource.Zone), RatedPower.Resolve(new FullPowerObservation(61, 500), "skage", rules));
    }
}
