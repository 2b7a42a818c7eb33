using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartOverhalla.Dashboards.Tests.Grafana;

namespace SmartOverhalla.Dashboards.Tests.Structure;

/// <summary>Every dashboard file is one Grafana 11 provisions as it is: valid, identified, wired to the one data source, described.</summary>
public sealed partial class DashboardStructureTests
{
    /// <summary>Panel types whose values have a unit (tables and maps carry units in their column names).</summary>
    private static readonly HashSet<string> ValuePanelTypes = ["timeseries", "stat", "bargauge", "piechart", "gauge"];

    public static TheoryData<string> Dashboards => [.. GrafanaFiles.DashboardNames];

    [Fact]
    public void The_five_planned_dashboards_are_provisioned()
    {
        Assert.Equal(["broyting", "drift-oversikt", "gatelys", "plattform", "vann"], GrafanaFiles.DashboardNames);
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_is_valid_json_with_its_file_name_as_uid_a_title_and_grafana_11_settings(string name)
    {
        var dashboard = Dashboard.Load(name);

        Assert.Equal(name, dashboard.Uid);
        Assert.False(string.IsNullOrWhiteSpace(dashboard.Title));
        Assert.False(string.IsNullOrWhiteSpace(dashboard.Json.Text("description")));
        Assert.Equal(39, dashboard.Json.Number("schemaVersion"));
        Assert.True(dashboard.Json.Flag("editable"), "editable must be true");
        Assert.Null(dashboard.Json["id"]);
        Assert.NotNull(dashboard.Json["time"]);
        Assert.Contains("smartoverhalla", (dashboard.Json["tags"] as JsonArray ?? []).Select(t => t?.ToString()));
    }

    [Fact]
    public void Dashboard_uids_and_titles_are_unique()
    {
        var dashboards = GrafanaFiles.DashboardNames.Select(Dashboard.Load).ToList();

        Assert.Distinct(dashboards.Select(d => d.Uid));
        Assert.Distinct(dashboards.Select(d => d.Title));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Panel_ids_are_unique_also_inside_rows(string name)
    {
        var ids = Dashboard.Load(name).AllPanels.Select(p => p.Number("id")).ToList();

        Assert.All(ids, id => Assert.True(id is > 0, "every panel needs a positive id"));
        Assert.Distinct(ids);
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Panel_titles_are_unique_so_a_failing_query_names_its_panel(string name)
    {
        Assert.Distinct(Dashboard.Load(name).AllPanels.Select(p => p.Text("title")));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Every_panel_target_and_variable_uses_the_smartoverhalla_datasource(string name)
    {
        var dashboard = Dashboard.Load(name);

        Assert.All(dashboard.DataPanels, p => Assert.Equal(GrafanaFiles.DatasourceUid, p.DatasourceUid()));
        Assert.All(dashboard.Targets, t => Assert.Equal(GrafanaFiles.DatasourceUid, t.Target.DatasourceUid()));
        Assert.All(dashboard.Variables, v => Assert.Equal(GrafanaFiles.DatasourceUid, v.Json.DatasourceUid()));
        Assert.All(dashboard.DataPanels, p => Assert.NotEmpty(p["targets"] as JsonArray ?? []));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Every_panel_has_a_title_and_a_description(string name)
    {
        Assert.All(Dashboard.Load(name).AllPanels, panel =>
        {
            Assert.False(string.IsNullOrWhiteSpace(panel.Text("title")), $"panel {panel.Number("id")} has no title");
            Assert.False(string.IsNullOrWhiteSpace(panel.Text("description")), $"panel '{panel.Text("title")}' has no description");
        });
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Every_query_is_raw_influxql_using_only_grafana_macros_and_the_dashboards_own_variables(string name)
    {
        var dashboard = Dashboard.Load(name);
        var anyValue = dashboard.Variables.ToDictionary(v => v.Name, v => VariableValue.Single("x", v.IsList), StringComparer.Ordinal);
        var interpolator = new GrafanaQueryInterpolator(TimeSpan.FromHours(6), TimeSpan.FromMinutes(1), anyValue);

        Assert.All(dashboard.Targets, t =>
        {
            Assert.True(t.Target.Flag("rawQuery"), $"{t}: rawQuery must be true (the query is tested as written)");
            Assert.StartsWith("SELECT ", t.Query, StringComparison.Ordinal);
            Assert.DoesNotMatch(LeftOverVariable(), interpolator.Interpolate(t.Query));
        });
        Assert.All(dashboard.Variables, v => Assert.StartsWith("SHOW TAG VALUES ", interpolator.Interpolate(v.Query), StringComparison.Ordinal));
        Assert.All(dashboard.DataPanels, p => Assert.Distinct((p["targets"] as JsonArray ?? []).OfType<JsonObject>().Select(t => t.Text("refId"))));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Panels_with_values_state_their_unit_in_the_title_and_the_field_config(string name)
    {
        var panels = Dashboard.Load(name).DataPanels.Where(p => ValuePanelTypes.Contains(p.Text("type") ?? string.Empty)).ToList();

        Assert.NotEmpty(panels);
        Assert.All(panels, panel =>
        {
            Assert.Matches(UnitInTitle(), panel.Text("title") ?? string.Empty);
            var defaults = (panel["fieldConfig"] as JsonObject)?["defaults"] as JsonObject;
            Assert.False(string.IsNullOrEmpty(defaults?.Text("unit")), $"panel '{panel.Text("title")}' has no unit in fieldConfig.defaults");
        });
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Colours_never_tell_things_apart_by_red_and_green(string name)
    {
        var colours = Dashboard.Load(name).Json.Strings()
            .Where(s => s.Property is "color" or "fixedColor" or "mode")
            .Select(s => s.Value.ToLowerInvariant())
            .ToList();

        Assert.NotEmpty(colours);
        Assert.All(colours, colour =>
        {
            Assert.DoesNotContain("red", colour, StringComparison.Ordinal);
            Assert.DoesNotContain("green", colour, StringComparison.Ordinal);
            Assert.DoesNotContain("rdylgr", colour, StringComparison.Ordinal);
            Assert.DoesNotContain("gryl", colour, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Panels_fit_the_24_column_grid_without_overlapping(string name)
    {
        var dashboard = Dashboard.Load(name);
        var groups = new List<List<JsonObject>> { Children(dashboard.Json) };
        groups.AddRange(dashboard.AllPanels.Select(Children).Where(g => g.Count > 0));

        foreach (var group in groups)
        {
            var boxes = group.Select(p => (Title: p.Text("title"), Box: GridBox(p))).ToList();
            Assert.All(boxes, b => Assert.True(b.Box.X >= 0 && b.Box.W > 0 && b.Box.X + b.Box.W <= 24 && b.Box.H > 0, $"'{b.Title}' does not fit the grid"));
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i].Box, boxes[j].Box);
                    var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                    Assert.False(overlap, $"'{boxes[i].Title}' and '{boxes[j].Title}' overlap");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Every_count_panel_shows_0_where_its_query_finds_no_rows_and_fills_empty_intervals_with_0(string name)
    {
        // "Lyspunkt som lyser (antall)" showed "No data" on summer days: count() over no points returns no rows.
        var panels = Dashboard.Load(name).DataPanels.Where(CountPanel.Is).ToList();

        Assert.All(panels, panel =>
        {
            Assert.True(CountPanel.NoValue(panel) == "0", $"count panel '{panel.Text("title")}' must set fieldConfig.defaults.noValue to \"0\"");
            foreach (var query in (panel["targets"] as JsonArray ?? []).OfType<JsonObject>().Select(t => t.Text("query") ?? string.Empty))
            {
                Assert.True(
                    !OuterGroupByTime().IsMatch(TrailingFill().Replace(query, string.Empty)) || query.EndsWith("fill(0)", StringComparison.Ordinal),
                    $"count panel '{panel.Text("title")}' groups by time: its intervals without a count must be 0 (fill(0)), not gaps\n{query}");
            }
        });
    }

    [Fact]
    public void The_count_panels_are_the_panels_that_count_things_and_not_the_shares()
    {
        var counts = GrafanaFiles.DashboardNames.Select(Dashboard.Load)
            .SelectMany(d => d.DataPanels.Where(CountPanel.Is).Select(p => $"{d.Name} / {p.Text("title")}"))
            .ToList();

        Assert.Contains("gatelys / Lyspunkt som lyser (antall)", counts);
        Assert.Contains("gatelys / Lyspunkt som lyser nå (antall)", counts);
        Assert.Contains("vann / Målere med alarm nå (antall)", counts);
        Assert.Contains("plattform / Avviste meldinger etter årsak (antall)", counts);
        Assert.DoesNotContain("broyting / Plog nede eller oppe (andel av posisjoner, %)", counts);
    }

    private static List<JsonObject> Children(JsonObject parent) => [.. (parent["panels"] as JsonArray ?? []).OfType<JsonObject>()];

    private static (double X, double Y, double W, double H) GridBox(JsonObject panel)
    {
        var grid = panel["gridPos"] as JsonObject ?? [];
        return (grid.Number("x") ?? -1, grid.Number("y") ?? -1, grid.Number("w") ?? 0, grid.Number("h") ?? 0);
    }

    // What would still be a variable after interpolation ($name, ${name}, [[name]]); a lone $ ends a regex.
    [GeneratedRegex(@"\$[\w{]|\[\[", RegexOptions.CultureInvariant)]
    private static partial Regex LeftOverVariable();

    // A GROUP BY time(...) of the outer query (once its fill is cut off): none of a subquery's parentheses follow it.
    [GeneratedRegex(@"GROUP BY time\([^()]*\)[^()]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OuterGroupByTime();

    [GeneratedRegex(@"\s*fill\([^()]*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFill();

    // A unit in parentheses at the end: "Effekt (W)", "Forbruk (liter per time)".
    [GeneratedRegex(@"\([^()]+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitInTitle();
}
