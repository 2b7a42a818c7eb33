using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Contracts.Tests.AsyncApi;

/// <summary>
/// <c>contracts/asyncapi.yaml</c> loaded with YamlDotNet, with just enough navigation for the agreement
/// tests: child look-up, local <c>$ref</c> resolution, and YAML → JSON for schemas and examples.
/// </summary>
internal sealed class AsyncApiDocument
{
    private AsyncApiDocument(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public YamlMappingNode Channels => Map(Root, "channels");

    public YamlMappingNode Operations => Map(Root, "operations");

    public YamlMappingNode Schemas => Map(Map(Root, "components"), "schemas");

    public YamlMappingNode Parameters => Map(Map(Root, "components"), "parameters");

    public static AsyncApiDocument Load()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Locate()))
        {
            stream.Load(reader);
        }

        return new AsyncApiDocument((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)Child(node, key);

    public static YamlNode Child(YamlNode node, string key) =>
        TryChild(node, key) ?? throw new KeyNotFoundException($"asyncapi.yaml: '{key}' not found");

    public static YamlNode? TryChild(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string Text(YamlNode node, string key) => ((YamlScalarNode)Child(node, key)).Value!;

    public static string? TryText(YamlNode node, string key) => (TryChild(node, key) as YamlScalarNode)?.Value;

    public static double? TryNumber(YamlNode node, string key) =>
        TryText(node, key) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public static IReadOnlyList<string> Strings(YamlNode? node) =>
        node is YamlSequenceNode sequence ? [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value!)] : [];

    /// <summary>Follows a <c>{ $ref: '#/a/b' }</c> inside this document; any other node is returned as is.</summary>
    public YamlNode Resolve(YamlNode node)
    {
        while (TryText(node, "$ref") is { } reference)
        {
            Assert.StartsWith("#/", reference, StringComparison.Ordinal);
            YamlNode target = Root;
            foreach (var part in reference[2..].Split('/'))
            {
                target = Child(target, part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            node = target;
        }

        return node;
    }

    /// <summary>Name of the schema a message's payload points to (<c>#/components/schemas/{name}</c>).</summary>
    public static string SchemaNameOf(YamlNode message)
    {
        var reference = Text(Child(message, "payload"), "$ref");
        const string Prefix = "#/components/schemas/";
        Assert.StartsWith(Prefix, reference, StringComparison.Ordinal);
        return reference[Prefix.Length..];
    }

    /// <summary>YAML → JSON. Plain scalars become numbers, booleans or null when they read as one; quoted ones stay strings.</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[((YamlScalarNode)key).Value!] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(ToJson)]);
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar:
                var text = scalar.Value ?? string.Empty;
                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                if (text is "null" or "~" or "")
                {
                    return null;
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text);
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value);
            default:
                throw new NotSupportedException($"asyncapi.yaml: unexpected node {node.NodeType}");
        }
    }

    // The test project copies the document next to the tests; running from elsewhere falls back to the repository.
    private static string Locate()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "asyncapi.yaml");
        if (File.Exists(copied))
        {
            return copied;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "contracts", "asyncapi.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("contracts/asyncapi.yaml was neither copied to the test output nor found above it.");
    }
}
