using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartOverhalla.Dashboards.Tests.Grafana;

namespace SmartOverhalla.Dashboards.Tests.Structure;

/// <summary>
/// What staff read is written in Norwegian bokmål and plain language (klarspråk, design.md): no Grafana
/// placeholders, no English, descriptions that are sentences, and sentences that are short.
/// </summary>
public sealed partial class DashboardLanguageTests
{
    /// <summary>Grafana's defaults for a new panel, row or dashboard, and other text nobody meant to ship.</summary>
    private static readonly string[] Placeholders = ["Panel Title", "New panel", "New dashboard", "Row title", "TODO", "Lorem", "Description", "Title"];

    /// <summary>Common English words that are not also Norwegian words.</summary>
    private static readonly HashSet<string> EnglishWords =
        new(["the", "and", "of", "with", "shows", "this", "is", "are", "value", "values", "count", "devices", "messages", "rate", "panel", "dashboard", "lights", "water", "source"], StringComparer.OrdinalIgnoreCase);

    private const int MaxWordsPerSentence = 30;

    public static TheoryData<string> Dashboards => [.. GrafanaFiles.DashboardNames];

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Titles_and_descriptions_are_written_not_left_as_placeholders(string name)
    {
        Assert.All(ReadableTexts(Dashboard.Load(name)), text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{text.Where} is empty");
            Assert.DoesNotContain(Placeholders, p => string.Equals(p, text.Value.Trim(), StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("TODO", text.Value, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Descriptions_are_whole_sentences_of_plain_length(string name)
    {
        var descriptions = ReadableTexts(Dashboard.Load(name)).Where(t => t.Where.EndsWith("description", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(descriptions);
        Assert.All(descriptions, d =>
        {
            Assert.True(d.Value.Length >= 30, $"{d.Where} is too short to say what the panel shows and how to read it: '{d.Value}'");
            Assert.EndsWith(".", d.Value, StringComparison.Ordinal);
            Assert.All(Sentences().Split(d.Value), sentence =>
                Assert.True(Words().Count(sentence) <= MaxWordsPerSentence, $"{d.Where}: a sentence of more than {MaxWordsPerSentence} words: '{sentence}'"));
        });
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Texts_staff_read_are_norwegian_not_english(string name)
    {
        Assert.All(ReadableTexts(Dashboard.Load(name)), text =>
        {
            var english = Words().Matches(text.Value).Select(m => m.Value).Where(EnglishWords.Contains).ToList();
            Assert.True(english.Count == 0, $"{text.Where} reads as English ({string.Join(", ", english)}): '{text.Value}'");
        });
    }

    [Fact]
    public void Alert_rule_titles_and_annotations_are_norwegian()
    {
        var texts = AlertRule.All.SelectMany(r => new[] { (Where: $"{r} title", Value: r.Title) }
            .Concat(new[] { "summary", "description" }.Select(key => (Where: $"{r} {key}", Value: r.Annotations.Scalar(key) ?? string.Empty))))
            .ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{text.Where} is empty");
            var english = Words().Matches(AlertTemplate().Replace(text.Value, string.Empty)).Select(m => m.Value).Where(EnglishWords.Contains).ToList();
            Assert.True(english.Count == 0, $"{text.Where} reads as English ({string.Join(", ", english)}): '{text.Value}'");
        });
    }

    /// <summary>Every text Grafana shows a reader: dashboard, panel and variable titles and descriptions, column names, legends and value texts.</summary>
    private static List<(string Where, string Value)> ReadableTexts(Dashboard dashboard)
    {
        var texts = new List<(string Where, string Value)>
        {
            ("dashboard title", dashboard.Title ?? string.Empty),
            ("dashboard description", dashboard.Json.Text("description") ?? string.Empty),
        };
        foreach (var panel in dashboard.AllPanels)
        {
            var where = $"panel '{panel.Text("title")}'";
            texts.Add(($"{where} title", panel.Text("title") ?? string.Empty));
            texts.Add(($"{where} description", panel.Text("description") ?? string.Empty));
            foreach (var (property, value) in panel.Strings())
            {
                // Legends (aliases without $-patterns), display names, renamed columns and value-mapping texts.
                var readable = property is "displayName" or "text" or "noValue"
                    || (property == "alias" && !value.Contains('$', StringComparison.Ordinal));
                if (readable)
                {
                    texts.Add(($"{where} {property}", value));
                }
            }

            var overrides = (panel["fieldConfig"] as JsonObject)?["overrides"] as JsonArray ?? [];
            foreach (var property in overrides.OfType<JsonObject>().SelectMany(o => o["properties"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (property.Text("id") == "displayName")
                {
                    texts.Add(($"{where} display name", property.Text("value") ?? string.Empty));
                }
            }

            foreach (var renamed in panel["transformations"] is JsonArray transformations
                         ? transformations.OfType<JsonObject>().Select(t => (t["options"] as JsonObject)?["renameByName"] as JsonObject).OfType<JsonObject>().SelectMany(r => r)
                         : [])
            {
                texts.Add(($"{where} column {renamed.Key}", renamed.Value?.ToString() ?? string.Empty));
            }
        }

        foreach (var variable in dashboard.Variables)
        {
            texts.Add(($"variable ${variable.Name} label", variable.Json.Text("label") ?? string.Empty));
            texts.Add(($"variable ${variable.Name} description", variable.Json.Text("description") ?? string.Empty));
        }

        return texts;
    }

    // Grafana's alert templating, e.g. {{ $labels.instance }}: filled in by Grafana, not read as written.
    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex AlertTemplate();

    [GeneratedRegex(@"(?<=[.!?:])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Sentences();

    [GeneratedRegex(@"[\p{L}\p{N}-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
