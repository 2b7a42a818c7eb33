using System.Text.Json.Nodes;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>One query of one panel.</summary>
internal sealed record PanelTarget(Dashboard Dashboard, JsonObject Panel, JsonObject Target)
{
    public string PanelTitle => Panel.Text("title") ?? string.Empty;

    public string RefId => Target.Text("refId") ?? string.Empty;

    public string Query => Target.Text("query") ?? string.Empty;

    /// <summary>The panel's own relative time range (Grafana's "relative time" override), e.g. <c>1h</c>.</summary>
    public TimeSpan? TimeFrom => Panel.Text("timeFrom") is { } from ? GrafanaDuration.Parse(from) : null;

    /// <summary>The panel's minimum interval, the floor of <c>$__interval</c>.</summary>
    public TimeSpan? MinInterval => Panel.Text("interval") is { } interval ? GrafanaDuration.Parse(interval) : null;

    public override string ToString() => $"{Dashboard.Name} / {PanelTitle} / {RefId}";
}
