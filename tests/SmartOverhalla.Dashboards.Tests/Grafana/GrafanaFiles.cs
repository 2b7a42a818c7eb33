using SmartOverhalla.Testing;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>Where the Grafana provisioning lives in the repository, and the names it must keep (dashboards/README.md).</summary>
internal static class GrafanaFiles
{
    /// <summary>The data source every panel, variable and alert query names.</summary>
    public const string DatasourceUid = "smartoverhalla-influxdb";

    /// <summary>Grafana's uid for server-side expressions in alert rules.</summary>
    public const string ExpressionUid = "__expr__";

    /// <summary>The Grafana folder that holds the dashboards and the alert rules.</summary>
    public const string FolderTitle = "SmartOverhalla";

    /// <summary>Where a Grafana container sees the repository's dashboards/dashboards folder.</summary>
    public const string DashboardsMountPath = "/var/lib/grafana/dashboards";

    /// <summary>Where a Grafana container sees the repository's dashboards/provisioning folder.</summary>
    public const string ProvisioningMountPath = "/etc/grafana/provisioning";

    public static string Root => RepositoryRoot.Combine("dashboards");

    public static string DashboardsFolder => Path.Combine(Root, "dashboards");

    public static string ProvisioningFolder => Path.Combine(Root, "provisioning");

    public static string DatasourceFile => Path.Combine(ProvisioningFolder, "datasources", "influxdb.yaml");

    public static string DashboardProviderFile => Path.Combine(ProvisioningFolder, "dashboards", "smartoverhalla.yaml");

    public static string AlertingFolder => Path.Combine(ProvisioningFolder, "alerting");

    /// <summary>Dashboard names (file names without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> DashboardNames =>
        [.. Directory.GetFiles(DashboardsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Alert rule file names (with extension), sorted.</summary>
    public static IReadOnlyList<string> AlertRuleFileNames =>
        [.. Directory.GetFiles(AlertingFolder, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
