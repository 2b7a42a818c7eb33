using System.Text.Json.Nodes;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>One template variable of a dashboard (Grafana's "query" variables, filled from InfluxDB).</summary>
internal sealed record TemplateVariable(Dashboard Dashboard, JsonObject Json)
{
    public string Name => Json.Text("name") ?? string.Empty;

    public string Query => Json.Text("query") ?? string.Empty;

    /// <summary>True when Grafana passes the value as a list: multi-value or with an "All" option.</summary>
    public bool IsList => Json.Flag("multi") || Json.Flag("includeAll");

    public override string ToString() => $"{Dashboard.Name} / ${Name}";
}
