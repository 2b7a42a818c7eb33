using System.Globalization;
using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>A district metered area: its inflow meter, its households and the real losses of its pipes.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Name">The district's name in the registry and the ground truth, e.g. <c>dma-01</c>.</param>
internal sealed record District(
    int Number,
    string Name,
    string InflowMeterId,
    int Seed,
    TimeSpan Interval,
    TimeSpan Phase,
    IReadOnlyList<int> Households,
    ConstantFlow Background,
    IReadOnlyList<ScenarioPipeLeak> PipeLeaks)
{
    public const string NamePrefix = "dma-";

    public static string NameOf(int number) => string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{number:D2}");

    /// <summary>Every real loss of the district: background leakage and pipe leaks.</summary>
    public IReadOnlyList<ConstantFlow> Losses => [Background, .. PipeLeaks.Select(p => p.Flow)];
}
