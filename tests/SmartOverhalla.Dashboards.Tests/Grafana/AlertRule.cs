using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>One provisioned Grafana alert rule (file format of Grafana 9+ file provisioning, <c>apiVersion: 1</c>).</summary>
internal sealed record AlertRule(string File, string Folder, YamlMappingNode Node)
{
    public string Uid => Node.Scalar("uid") ?? string.Empty;

    public string Title => Node.Scalar("title") ?? string.Empty;

    public string? Condition => Node.Scalar("condition");

    public IReadOnlyList<AlertQuery> Data => [.. Node.Mappings("data").Select(d => new AlertQuery(this, d))];

    public YamlMappingNode Annotations => Node.Mapping("annotations") ?? new YamlMappingNode();

    /// <summary>Every rule of every file under provisioning/alerting.</summary>
    public static IReadOnlyList<AlertRule> All =>
        [.. GrafanaFiles.AlertRuleFileNames.SelectMany(file =>
            YamlFile.Load(Path.Combine(GrafanaFiles.AlertingFolder, file)).Mappings("groups")
                .SelectMany(group => group.Mappings("rules").Select(rule => new AlertRule(file, group.Scalar("folder") ?? string.Empty, rule))))];

    public static AlertRule Find(string uid) => All.Single(r => r.Uid == uid);

    public override string ToString() => $"{File} / {Uid}";
}
