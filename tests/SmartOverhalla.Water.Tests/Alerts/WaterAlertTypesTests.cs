using SmartOverhalla.Water.Alerts;

namespace SmartOverhalla.Water.Tests.Alerts;

public sealed class WaterAlertTypesTests
{
    [Fact]
    public void All_AreSoundDefinitionsOfTheWaterDomain()
    {
        Assert.Equal(["burst", "leak", "nightFlowRise"], WaterAlertTypes.All.Select(d => d.Type).Order(StringComparer.Ordinal));
        Assert.All(WaterAlertTypes.All, d => Assert.Empty(d.Problems()));
        Assert.All(WaterAlertTypes.All, d => Assert.Equal("water", d.Domain));
    }
}
