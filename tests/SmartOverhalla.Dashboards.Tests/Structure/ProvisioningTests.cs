using System.Text.RegularExpressions;
using SmartOverhalla.Dashboards.Tests.Grafana;
using SmartOverhalla.Testing;
using YamlDotNet.Core;

namespace SmartOverhalla.Dashboards.Tests.Structure;

/// <summary>The provisioning files Grafana reads at start: they parse, and they say what the README promises.</summary>
public sealed partial class ProvisioningTests
{
    public static TheoryData<string> YamlFiles =>
        [.. Directory.GetFiles(GrafanaFiles.ProvisioningFolder, "*.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GrafanaFiles.ProvisioningFolder, f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_provisioning_file_is_yaml_of_api_version_1(string relativePath)
    {
        Assert.EndsWith(".yaml", relativePath, StringComparison.Ordinal);

        var root = YamlFile.Load(Path.Combine(GrafanaFiles.ProvisioningFolder, relativePath));

        Assert.Equal("1", root.Scalar("apiVersion"));
    }

    [Fact]
    public void Invalid_yaml_is_refused_by_the_loader_the_tests_use()
    {
        using var folder = new TempDirectory("so-yaml-");
        var file = folder.File("broken.yaml");
        File.WriteAllText(file, "apiVersion: 1\ndatasources:\n  - name: [unclosed\n");

        Assert.ThrowsAny<YamlException>(() => YamlFile.Load(file));
    }

    [Fact]
    public void The_datasource_is_influxql_with_the_fixed_uid_and_takes_address_database_and_credentials_from_the_environment()
    {
        var datasources = YamlFile.Load(GrafanaFiles.DatasourceFile).Mappings("datasources");

        var datasource = Assert.Single(datasources);
        Assert.Equal(GrafanaFiles.DatasourceUid, datasource.Scalar("uid"));
        Assert.Equal("influxdb", datasource.Scalar("type"));
        Assert.Equal("proxy", datasource.Scalar("access"));
        Assert.Equal("$INFLUX_URL", datasource.Scalar("url"));
        Assert.Equal("$INFLUX_USER", datasource.Scalar("user"));
        Assert.Equal("InfluxQL", datasource.Mapping("jsonData")?.Scalar("version"));
        Assert.Equal("$INFLUX_DB", datasource.Mapping("jsonData")?.Scalar("dbName"));
        Assert.Equal("$INFLUX_PASSWORD", datasource.Mapping("secureJsonData")?.Scalar("password"));
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void No_provisioning_file_holds_a_secret(string relativePath)
    {
        var secrets = YamlFile.Load(Path.Combine(GrafanaFiles.ProvisioningFolder, relativePath)).Scalars()
            .Where(s => SecretKey().IsMatch(s.Key))
            .ToList();

        Assert.All(secrets, s => Assert.Matches(EnvironmentReference(), s.Value));
    }

    [Fact]
    public void The_dashboard_provider_loads_the_mounted_dashboards_folder_into_the_SmartOverhalla_folder()
    {
        var providers = YamlFile.Load(GrafanaFiles.DashboardProviderFile).Mappings("providers");

        var provider = Assert.Single(providers);
        Assert.Equal("file", provider.Scalar("type"));
        Assert.Equal(GrafanaFiles.FolderTitle, provider.Scalar("folder"));
        Assert.Equal(GrafanaFiles.DashboardsMountPath, provider.Mapping("options")?.Scalar("path"));
    }

    [Fact]
    public void The_readme_documents_the_mounts_the_provisioning_relies_on()
    {
        var readme = File.ReadAllText(Path.Combine(GrafanaFiles.Root, "README.md"));

        Assert.Contains($"dashboards/provisioning:{GrafanaFiles.ProvisioningMountPath}", readme, StringComparison.Ordinal);
        Assert.Contains($"dashboards/dashboards:{GrafanaFiles.DashboardsMountPath}", readme, StringComparison.Ordinal);
        Assert.All(["INFLUX_URL", "INFLUX_DB", "INFLUX_USER", "INFLUX_PASSWORD"], name => Assert.Contains(name, readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Docker_compose_mounts_the_provisioning_and_sets_the_variables_the_data_source_reads()
    {
        var compose = Path.Combine(GrafanaFiles.Root, "..", "docker-compose.yml");
        Assert.SkipUnless(File.Exists(compose), "no docker-compose.yml in this checkout");

        var text = File.ReadAllText(compose);

        Assert.Contains($"./dashboards/provisioning:{GrafanaFiles.ProvisioningMountPath}", text, StringComparison.Ordinal);
        Assert.Contains($"./dashboards/dashboards:{GrafanaFiles.DashboardsMountPath}", text, StringComparison.Ordinal);
        Assert.All(["INFLUX_URL:", "INFLUX_DB:", "INFLUX_USER:", "INFLUX_PASSWORD:"], name => Assert.Contains(name, text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboards_folder_holds_only_dashboard_json()
    {
        var files = Directory.GetFiles(GrafanaFiles.DashboardsFolder, "*", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.EndsWith(".json", f, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"password|token|secret|apikey|key$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"^\$(\{[A-Z_][A-Z0-9_]*\}|[A-Z_][A-Z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentReference();
}
