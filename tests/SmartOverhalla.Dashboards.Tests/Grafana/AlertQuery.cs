using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>One entry of an alert rule's <c>data</c>: an InfluxQL query or a server-side expression.</summary>
internal sealed record AlertQuery(AlertRule Rule, YamlMappingNode Node)
{
    public string RefId => Node.Scalar("refId") ?? string.Empty;

    public string? DatasourceUid => Node.Scalar("datasourceUid");

    public bool IsExpression => DatasourceUid == GrafanaFiles.ExpressionUid;

    public YamlMappingNode Model => Node.Mapping("model") ?? new YamlMappingNode();

    public string? Query => Model.Scalar("query");

    /// <summary>How far back the query looks (<c>relativeTimeRange.from</c>, seconds).</summary>
    public TimeSpan? LooksBack =>
        Node.Mapping("relativeTimeRange")?.Scalar("from") is { } from && int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public override string ToString() => $"{Rule} / {RefId}";
}
