using SmartOverhalla.Dashboards.Tests.Grafana;

namespace SmartOverhalla.Dashboards.Tests.Queries;

/// <summary>
/// Every query a dashboard or alert rule sends, filled in as Grafana fills it in, runs against a real InfluxDB
/// that the platform filled (simulators → Mosquitto → ingestion → InfluxDB) and finds data. A misspelt
/// measurement, field, tag or variable fails here, naming the dashboard, panel and query.
/// </summary>
public sealed class PanelQueryTests(FilledDatabase database) : IClassFixture<FilledDatabase>
{
    /// <summary>The dashboard time range the tests look at ("last 15 minutes"); the data is minutes old.</summary>
    private static readonly TimeSpan DashboardRange = TimeSpan.FromMinutes(15);

    /// <summary>What Grafana computes for <c>$__interval</c> over 15 minutes on a wide screen, unless a panel sets a floor.</summary>
    private static readonly TimeSpan AutoInterval = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string, string> PanelTargets =>
        [.. GrafanaFiles.DashboardNames.SelectMany(name => Dashboard.Load(name).Targets).Select(t => (t.Dashboard.Name, t.PanelTitle, t.RefId))];

    public static TheoryData<string, string, string> CountPanelTargets =>
        [.. GrafanaFiles.DashboardNames.SelectMany(name => Dashboard.Load(name).Targets).Where(t => CountPanel.Is(t.Panel)).Select(t => (t.Dashboard.Name, t.PanelTitle, t.RefId))];

    public static TheoryData<string, string> Variables =>
        [.. GrafanaFiles.DashboardNames.SelectMany(name => Dashboard.Load(name).Variables).Select(v => (v.Dashboard.Name, v.Name))];

    public static TheoryData<string, string> AlertQueries =>
        [.. AlertRule.All.SelectMany(r => r.Data).Where(q => !q.IsExpression).Select(q => (q.Rule.Uid, q.RefId))];

    [Theory]
    [MemberData(nameof(PanelTargets))]
    public async Task Every_panel_query_runs_on_the_filled_database_and_finds_data(string dashboard, string panel, string refId)
    {
        // Given the panel's query, filled in as Grafana would with the dashboard's variables at their first value
        var target = Dashboard.Load(dashboard).Target(panel, refId);
        var query = await InterpolateAsync(target);

        // When it runs
        var result = await database.QueryAsync(query, TestContext.Current.CancellationToken);

        // Then it finds data
        QueryData.AssertFound(result, target.ToString(), query);
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public async Task Every_template_variable_query_lists_values_from_the_filled_database(string dashboard, string variable)
    {
        var board = Dashboard.Load(dashboard);
        var index = board.Variables.ToList().FindIndex(v => v.Name == variable);
        var all = await database.VariablesAsync(board);
        var before = board.Variables.Take(index).ToDictionary(v => v.Name, v => all[v.Name], StringComparer.Ordinal);

        var (query, result, values) = await database.RunVariableQueryAsync(board.Variables[index], before, TestContext.Current.CancellationToken);

        QueryData.AssertFound(result, board.Variables[index].ToString(), query);
        if (variable == "municipality")
        {
            Assert.Equal([database.Municipality], values);
        }
    }

    [Theory]
    [MemberData(nameof(AlertQueries))]
    public async Task Every_alert_rule_query_runs_on_the_filled_database_and_finds_data(string rule, string refId)
    {
        var alert = AlertRule.Find(rule).Data.Single(q => q.RefId == refId);
        var lookBack = alert.LooksBack ?? throw new InvalidOperationException($"{alert} has no relativeTimeRange.from.");
        var query = new GrafanaQueryInterpolator(lookBack, AutoInterval, new Dictionary<string, VariableValue>()).Interpolate(alert.Query ?? string.Empty);

        var result = await database.QueryAsync(query, TestContext.Current.CancellationToken);

        QueryData.AssertFound(result, alert.ToString(), query);
    }

    [Theory]
    [MemberData(nameof(CountPanelTargets))]
    public async Task Every_count_panel_shows_0_over_a_range_where_nothing_was_counted(string dashboard, string panel, string refId)
    {
        // Given a count panel's query over a database without data, as on a summer day for the lit lamps
        var target = Dashboard.Load(dashboard).Target(panel, refId);
        var nothing = target.Dashboard.Variables.ToDictionary(v => v.Name, v => VariableValue.Single("ingen", v.IsList), StringComparer.Ordinal);
        var interval = target.MinInterval is { } floor && floor > AutoInterval ? floor : AutoInterval;
        var query = new GrafanaQueryInterpolator(target.TimeFrom ?? DashboardRange, interval, nothing).Interpolate(target.Query);

        // When it runs
        var result = await database.QueryEmptyDatabaseAsync(query, TestContext.Current.CancellationToken);

        // Then Grafana shows 0: every value it returns is 0, and where it returns no rows (count() over no points has
        // none, fill(0) or not) the panel's "no value" text is 0 instead of "No data"
        var values = result.Series
            .SelectMany(s => Enumerable.Range(0, s.RowCount).SelectMany(row => s.Columns.Where(c => c != "time").Select(c => s.GetValue(row, c))))
            .ToList();
        Assert.All(values, v => Assert.True(v.ValueKind == System.Text.Json.JsonValueKind.Number && v.GetDouble() == 0, $"{target}: {v} instead of 0\n{query}"));
        if (values.Count == 0)
        {
            Assert.True(CountPanel.NoValue(target.Panel) == "0", $"{target}: the query returns no rows, so Grafana shows \"{CountPanel.NoValue(target.Panel) ?? "No data"}\" instead of 0\n{query}");
        }
    }

    [Theory]
    [InlineData("gatelys", "Dimmenivå per lyspunkt (%)", "\"dimLevel\"", "\"dimLevle\"")]
    [InlineData("plattform", "Etterslep per analysejobb (timer)", "\"lagSeconds\"", "\"lagSecond\"")]
    [InlineData("gatelys", "Svar på kommandoer", "\"appliedLevel\"", "\"appliedLvl\"")]
    [InlineData("gatelys", "Spart energi per dag (kWh)", "\"savedKWh\"", "\"savedKwh\"")]
    [InlineData("gatelys", "Spart energi per dag (kWh)", "GROUP BY time(1d), \"zone\"", "GROUP BY time(1d), \"zones\"")]
    [InlineData("gatelys", "Forbruk mot grunnlinje (kWh per dag)", "\"baselineKWh\"", "\"baseLineKWh\"")]
    [InlineData("gatelys", "Lys som sparer minst (kWh)", "\"lighting_savings_light\"", "\"lighting_saving_light\"")]
    [InlineData("gatelys", "Åpne varsler for gatelys", "last(\"message\")", "last(\"mesage\")")]
    [InlineData("gatelys", "Lys som ikke svarer (antall)", "'unresponsive'", "'unresponsve'")]
    [InlineData("vann", "Forbruk (liter per time)", "\"watermeter\"", "\"watermeters\"")]
    [InlineData("vann", "Forbruk (liter per time)", "\"water_raw\".", "")]
    [InlineData("vann", "Tap per distrikt (% av vann inn)", "\"lossesPct\"", "\"lossPct\"")]
    [InlineData("vann", "Mulige lekkasjer og rørbrudd", "\"ongoing\"", "\"onGoing\"")]
    [InlineData("vann", "Forbruk per distrikt (liter per døgn)", "'day'", "'days'")]
    [InlineData("plattform", "Svakeste enheter (radio)", "\"rssi\"", "\"rsi\"")]
    [InlineData("plattform", "Siste LoRaWAN-meldinger som ikke ble tolket", "'lorawan'", "'lora'")]
    [InlineData("broyting", "Fart (km/t)", "GROUP BY time($__interval), \"device\"", "GROUP BY time($__interval), \"devce\"")]
    [InlineData("broyting", "Fart (km/t)", "\"device\" =~ /^$device$/", "\"devce\" =~ /^$device$/")]
    public async Task A_misspelt_measurement_field_or_tag_in_a_panel_query_is_caught(string dashboard, string panel, string right, string wrong)
    {
        // Given a panel query with one name misspelt
        var target = Dashboard.Load(dashboard).Target(panel, "A");
        Assert.Contains(right, target.Query, StringComparison.Ordinal);
        var query = await InterpolateAsync(target, target.Query.Replace(right, wrong, StringComparison.Ordinal));

        // When it runs
        var result = await database.QueryAsync(query, TestContext.Current.CancellationToken);

        // Then the check that holds every panel true fails
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => QueryData.AssertFound(result, target.ToString(), query));
    }

    [Fact]
    public async Task The_weakest_devices_table_lists_the_LoRaWAN_device_with_the_weakest_latest_signal_first_and_calls_it_weak()
    {
        // Given the table's query over street lights and water meters, of which some report through LoRaWAN
        var target = Dashboard.Load("plattform").Target("Svakeste enheter (radio)", "A");
        var query = await InterpolateAsync(target);

        // When it runs and Grafana merges, sorts and cuts the rows as the panel's transformations say
        var result = await database.QueryAsync(query, TestContext.Current.CancellationToken);
        var rows = WeakestDevicesTable.Rows(target.Panel, result);

        // Then the meter whose latest uplink was the weakest comes first, with that uplink's RSSI (not its earlier, strong
        // one) and the text "Svak", the best-heard light reads "God", and devices without radio fields are not listed
        Assert.Equal(LoRaWanDevices.Weakest, rows[0].Device);
        Assert.Equal(LoRaWanDevices.WeakestRssi, rows[0].Rssi);
        Assert.Equal("Svak", WeakestDevicesTable.Assessment(target.Panel, rows[0].Score));
        Assert.Equal("God", WeakestDevicesTable.Assessment(target.Panel, Assert.Single(rows, r => r.Device == LoRaWanDevices.Strongest).Score));
        Assert.Equal(rows.OrderBy(r => r.Rssi).Select(r => r.Device), rows.Select(r => r.Device));
        Assert.All(rows, r => Assert.StartsWith("lora-", r.Device, StringComparison.Ordinal));
    }

    [Fact]
    public void The_platform_filling_the_database_logged_no_errors()
    {
        database.Logs.AssertNoUnexpectedErrors();
    }

    private async Task<string> InterpolateAsync(PanelTarget target, string? query = null)
    {
        var variables = await database.VariablesAsync(target.Dashboard);
        var interval = target.MinInterval is { } floor && floor > AutoInterval ? floor : AutoInterval;
        return new GrafanaQueryInterpolator(target.TimeFrom ?? DashboardRange, interval, variables).Interpolate(query ?? target.Query);
    }
}
