using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartOverhalla.Dashboards.Tests.Grafana;

/// <summary>Tolerant readers for dashboard JSON: a missing or differently typed property reads as null or false, so a test can say what is wrong.</summary>
internal static class JsonNodeExtensions
{
    public static string? Text(this JsonObject json, string property) =>
        json[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool Flag(this JsonObject json, string property) =>
        json[property] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static double? Number(this JsonObject json, string property) =>
        json[property] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    /// <summary>The <c>uid</c> of a <c>datasource</c> reference (<c>{"type": "influxdb", "uid": "..."}</c>).</summary>
    public static string? DatasourceUid(this JsonObject json) =>
        json["datasource"] is JsonObject reference ? reference.Text("uid") : null;

    /// <summary>Every string value anywhere below <paramref name="node"/>, with the name of the property holding it.</summary>
    public static IEnumerable<(string Property, string Value)> Strings(this JsonNode? node, string property = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var item in child.Strings(key))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var item in child.Strings(property))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return (property, value.GetValue<string>());
                break;
        }
    }
}
