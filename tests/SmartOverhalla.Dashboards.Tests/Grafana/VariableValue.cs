namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>What a dashboard variable is set to, and whether Grafana treats it as a list (multi-value or with "All").</summary>
internal sealed record VariableValue(IReadOnlyList<string> Values, bool IsList)
{
    public static VariableValue Single(string value, bool isList) => new([value], isList);
}
