using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Time;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Lighting.Tests.Savings;

/// <summary>A day of several lights: each light's row, and each zone's row as the sum of its lights.</summary>
public sealed class SavingsCalculatorTests
{
    private const int Precision = 9;
    private static readonly LocalDay November24 = LocalDay.Of(new DateOnly(2026, 11, 24));

    private static readonly SavingsRules Rules = new(
        new ReadingRules(GapFactor: 3, MaxGap: TimeSpan.FromHours(1), MaxPlausiblePowerW: 1000),
        new RatedPowerRules(Learn: true, MinFullPowerSamples: 3, DefaultWatts: 60, ZoneWatts: new Dictionary<string, double>(StringComparer.Ordinal) { ["sor"] = 80 }),
        new SavingsPricing(PricePerKWhNok: 1.50, Co2KgPerKWh: 0.02));

    [Fact]
    public void Lights_And_Zones_TwoLightsInAZoneAndOneWithout_SumPerZoneWithTheLightsCounted()
    {
        // Given: every light lit all day. nord-1 at 50 % of a learned 60 W (30 W); nord-2 at 25 % of the default 60 W
        // (15 W); gate-1 in no zone at 100 % of the default 60 W.
        var lights = new[]
        {
            Light("nord-1", "nord", watts: 30, new FullPowerObservation(60, 10)),
            Light("nord-2", "nord", watts: 15, fullPower: null),
            Light("gate-1", zoneId: null, watts: 60, fullPower: null),
        };

        // When
        var rows = SavingsCalculator.Lights(November24, lights, Rules);
        var zones = SavingsCalculator.Zones(November24.Date, rows);

        // Then each light: 24 h × its watts used against 24 h × 60 W; nord-1's 60 W learned, the others the default.
        Assert.Equal(["nord-1", "nord-2", "gate-1"], rows.Select(r => r.Light));
        Assert.Equal(0.72, rows[0].EnergyKWh, Precision);
        Assert.Equal(1.44, rows[0].BaselineKWh, Precision);
        Assert.Equal(RatedPowerSource.Learned, rows[0].RatedPowerSource);
        Assert.Equal(RatedPowerSource.Default, rows[1].RatedPowerSource);
        Assert.Equal(SavingsZones.Unzoned, rows[2].Zone);
        Assert.Equal(0, rows[2].SavedKWh, Precision);

        // And the zones, by id: nord saves (1.44 − 0.72) + (1.44 − 0.36) = 1.80 kWh, 2.70 NOK, 0.036 kg CO₂e.
        Assert.Equal(["_unzoned", "nord"], zones.Select(z => z.Zone));
        var nord = zones[1];
        Assert.Equal(2, nord.Lights);
        Assert.Equal(1.08, nord.EnergyKWh, Precision);
        Assert.Equal(2.88, nord.BaselineKWh, Precision);
        Assert.Equal(1.80, nord.SavedKWh, Precision);
        Assert.Equal(2.70, nord.SavedNok, Precision);
        Assert.Equal(0.036, nord.SavedCo2Kg, Precision);
        Assert.Equal(48, nord.LitHours, Precision);
        Assert.All(zones, z => Assert.Equal(November24.Date, z.Date));
    }

    [Fact]
    public void Zones_NoLights_AreNone() => Assert.Empty(SavingsCalculator.Zones(November24.Date, []));

    private static LightDayInput Light(string light, string? zoneId, double watts, FullPowerObservation? fullPower) =>
        new(light, zoneId, Readings(November24.Start.AddHours(-1), November24.End.AddHours(1), TimeSpan.FromMinutes(15), _ => (50, watts)).AsSamples(), fullPower);
}
