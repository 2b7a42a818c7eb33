namespace SmartOverhalla.Ploughing.Roads;

/// <summary>A road network file that cannot be used, with every problem found (each naming its feature).</summary>
public sealed class RoadNetworkException(string source, IReadOnlyList<string> problems)
    : Exception($"Road network {source} refused ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}): {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
