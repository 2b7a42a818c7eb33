using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>One provisioned dashboard JSON file, read as Grafana reads it, with its panels (rows opened), targets and variables.</summary>
internal sealed class Dashboard
{
    private static readonly ConcurrentDictionary<string, Dashboard> Loaded = new(StringComparer.Ordinal);

    private Dashboard(string name, JsonObject json)
    {
        Name = name;
        Json = json;
        AllPanels = [.. Flatten(json["panels"] as JsonArray)];
        Variables = [.. ((json["templating"] as JsonObject)?["list"] as JsonArray ?? []).OfType<JsonObject>().Select(v => new TemplateVariable(this, v))];
    }

    /// <summary>The file name without <c>.json</c>.</summary>
    public string Name { get; }

    public JsonObject Json { get; }

    public string? Uid => Json.Text("uid");

    public string? Title => Json.Text("title");

    /// <summary>Every panel, rows and the panels inside collapsed rows included.</summary>
    public IReadOnlyList<JsonObject> AllPanels { get; }

    /// <summary>Panels that show data (everything but rows).</summary>
    public IEnumerable<JsonObject> DataPanels => AllPanels.Where(p => p.Text("type") != "row");

    public IReadOnlyList<TemplateVariable> Variables { get; }

    public IEnumerable<PanelTarget> Targets =>
        DataPanels.SelectMany(panel => (panel["targets"] as JsonArray ?? []).OfType<JsonObject>().Select(t => new PanelTarget(this, panel, t)));

    public static Dashboard Load(string name) =>
        Loaded.GetOrAdd(name, static n =>
        {
            var path = Path.Combine(GrafanaFiles.DashboardsFolder, n + ".json");
            var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { AllowTrailingCommas = false })
                ?? throw new InvalidDataException($"{path} is empty.");
            return new Dashboard(n, node.AsObject());
        });

    public PanelTarget Target(string panelTitle, string refId) =>
        Targets.Single(t => t.PanelTitle == panelTitle && t.RefId == refId);

    public TemplateVariable Variable(string name) => Variables.Single(v => v.Name == name);

    private static IEnumerable<JsonObject> Flatten(JsonArray? panels)
    {
        foreach (var panel in (panels ?? []).OfType<JsonObject>())
        {
            yield return panel;
            foreach (var inner in Flatten(panel["panels"] as JsonArray))
            {
                yield return inner;
            }
        }
    }
}
