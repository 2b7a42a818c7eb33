using SmartOverhalla.Dashboards.Tests.Grafana;

namespace SmartOverhalla.Dashboards.Tests.Structure;

/// <summary>Provisioned alert rules are complete, point at things that exist, and only watch data the platform writes today.</summary>
public sealed class AlertRuleTests
{
    private static readonly HashSet<string> NoDataStates = ["Alerting", "NoData", "OK"];
    private static readonly HashSet<string> ErrorStates = ["Alerting", "Error", "OK"];

    public static TheoryData<string> Rules => [.. AlertRule.All.Select(r => r.Uid)];

    [Fact]
    public void Alert_rules_watch_each_kind_of_data_that_exists_today()
    {
        var measurements = AlertRule.All.SelectMany(r => r.Data).Select(q => q.Query).OfType<string>().ToList();

        // Ingestion stalled, reject rate and spool filling; offline devices; lamp failures; water: leak or burst suspicions
        // (the platform's rules and the meters' alarms), losses in a district, night-flow rise.
        Assert.Equal(3, measurements.Count(q => q.Contains("FROM \"platform_ingestion\"", StringComparison.Ordinal)));
        Assert.Contains(measurements, q => q.Contains("\"spoolFillRatio\"", StringComparison.Ordinal));
        Assert.Contains(measurements, q => q.Contains("FROM \"device_status\"", StringComparison.Ordinal));
        Assert.Contains(measurements, q => q.Contains("'lampFailure'", StringComparison.Ordinal));
        Assert.Contains(measurements, q => q.Contains("FROM \"water_household\".\"water_suspicion\"", StringComparison.Ordinal) && q.Contains("\"ongoing\"", StringComparison.Ordinal));
        Assert.Contains(measurements, q => q.Contains("FROM \"water_balance\"", StringComparison.Ordinal) && q.Contains("\"lossesPct\"", StringComparison.Ordinal));
        Assert.Contains(measurements, q => q.Contains("'nightFlowRise'", StringComparison.Ordinal));
    }

    [Fact]
    public void Alert_rule_uids_and_titles_are_unique()
    {
        Assert.Distinct(AlertRule.All.Select(r => r.Uid));
        Assert.Distinct(AlertRule.All.Select(r => r.Title));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Alert_rule_is_complete_and_its_condition_and_expressions_name_existing_queries(string uid)
    {
        var rule = AlertRule.Find(uid);
        var refIds = rule.Data.Select(q => q.RefId).ToList();

        Assert.InRange(uid.Length, 1, 40);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.Equal(GrafanaFiles.FolderTitle, rule.Folder);
        Assert.Distinct(refIds);
        Assert.Contains(rule.Condition, refIds);
        Assert.Contains(rule.Node.Scalar("noDataState") ?? string.Empty, NoDataStates);
        Assert.Contains(rule.Node.Scalar("execErrState") ?? string.Empty, ErrorStates);
        GrafanaDuration.Parse(rule.Node.Scalar("for") ?? string.Empty);
        Assert.All(rule.Data, q => Assert.Contains(q.DatasourceUid, new[] { GrafanaFiles.DatasourceUid, GrafanaFiles.ExpressionUid }));
        Assert.All(rule.Data, q => Assert.Equal(q.RefId, q.Model.Scalar("refId")));
        Assert.All(rule.Data.Where(q => q.IsExpression), q => Assert.Contains(q.Model.Scalar("expression"), refIds));
        Assert.Contains(rule.Data, q => !q.IsExpression);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Alert_rule_queries_are_raw_influxql_with_a_time_range_and_only_grafana_macros(string uid)
    {
        var queries = AlertRule.Find(uid).Data.Where(q => !q.IsExpression).ToList();
        var interpolator = new GrafanaQueryInterpolator(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), new Dictionary<string, VariableValue>());

        Assert.All(queries, q =>
        {
            Assert.Equal("true", q.Model.Scalar("rawQuery"));
            Assert.True(q.LooksBack > TimeSpan.Zero, $"{q} needs relativeTimeRange.from");
            Assert.StartsWith("SELECT ", q.Query, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\$[\w{]|\[\[", interpolator.Interpolate(q.Query!));
        });
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Alert_rule_tells_staff_what_happened_and_where_to_look(string uid)
    {
        var rule = AlertRule.Find(uid);
        var dashboards = GrafanaFiles.DashboardNames.Select(Dashboard.Load).Select(d => d.Uid).ToList();

        Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.Scalar("summary")));
        Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.Scalar("description")));
        Assert.Contains(rule.Annotations.Scalar("__dashboardUid__"), dashboards);
        Assert.False(string.IsNullOrWhiteSpace(rule.Node.Mapping("labels")?.Scalar("severity")));
    }
}
