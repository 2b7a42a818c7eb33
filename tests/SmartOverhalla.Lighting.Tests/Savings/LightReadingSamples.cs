using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Testing.Lighting;

namespace SmartOverhalla.Lighting.Tests.Savings;

/// <summary>Synthetic readings as the savings calculation takes them.</summary>
internal static class LightReadingSamples
{
    public static List<EnergySample> AsSamples(this IEnumerable<LightReading> readings) =>
        [.. readings.Select(r => new EnergySample(r.Time, r.EnergyKWh, r.LampOn))];
}
