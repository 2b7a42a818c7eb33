using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>Reads a provisioning YAML file as a tree, and walks it without caring about YAML's many node types.</summary>
internal static class YamlFile
{
    /// <summary>The single document of <paramref name="path"/>, which must be a mapping.</summary>
    public static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{path} must hold exactly one YAML document with a mapping at its root.");
        }

        return root;
    }

    public static string? Scalar(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlMappingNode? Mapping(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    /// <summary>The mappings in the sequence under <paramref name="key"/>; empty when there is none.</summary>
    public static IReadOnlyList<YamlMappingNode> Mappings(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlMappingNode>()]
            : [];

    /// <summary>Every scalar anywhere below <paramref name="node"/>, with the key that holds it.</summary>
    public static IEnumerable<(string Key, string Value)> Scalars(this YamlNode node, string key = "")
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (childKey, child) in mapping.Children)
                {
                    foreach (var item in child.Scalars((childKey as YamlScalarNode)?.Value ?? string.Empty))
                    {
                        yield return item;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    foreach (var item in child.Scalars(key))
                    {
                        yield return item;
                    }
                }

                break;
            case YamlScalarNode scalar when scalar.Value is not null:
                yield return (key, scalar.Value);
                break;
        }
    }
}
