using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Tests.Validation;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Catalog;

/// <summary>
/// Valid payloads made from a message's catalogue entry alone (every field present, at a value its limits allow),
/// with one field set to a chosen value: so a test covers a field the day it is added, without a hand-written sample.
/// </summary>
internal static class CatalogPayload
{
    public const string DeviceId = "dev-1";

    /// <summary>The payload with every field at its base value, except <paramref name="path"/> at <paramref name="value"/>.</summary>
    public static JsonObject Build(ImmutableArray<FieldSpec> fields, string? path = null, JsonNode? value = null)
    {
        var payload = new JsonObject();
        foreach (var field in fields)
        {
            payload[field.Name] = field.Path == path ? value?.DeepClone()
                : field.Type == FieldType.Object ? Build(field.Fields, path, value)
                : BaseValue(field);
        }

        return payload;
    }

    /// <summary>Two different valid values of <paramref name="field"/>, or null when it has only one (a discriminator, the device id).</summary>
    public static (JsonNode A, JsonNode B)? TwoValues(FieldSpec field) => field switch
    {
        { Type: FieldType.Integer } => (JsonValue.Create((int)field.Minimum!.Value), JsonValue.Create((int)field.Maximum!.Value)),
        { Type: FieldType.Number } => (JsonValue.Create(field.Minimum!.Value), JsonValue.Create(field.Maximum ?? (field.ExclusiveMaximum!.Value - 1))),
        { Type: FieldType.Boolean } => (JsonValue.Create(false), JsonValue.Create(true)),
        { Type: FieldType.String, MustMatchTopicDevice: true } => null,
        { Type: FieldType.String, AllowedValues.Length: 1 } => null,
        { Type: FieldType.String, AllowedValues.IsEmpty: false } => (JsonValue.Create(field.AllowedValues[0]), JsonValue.Create(field.AllowedValues[^1])),
        { Type: FieldType.String } => (JsonValue.Create("a"), JsonValue.Create("b")),
        _ => null,
    };

    /// <summary>The record the payload reads into, and the problems the validator's field checks find in it (none expected).</summary>
    public static (object Record, IReadOnlyList<ValidationProblem> Problems) Read(MessageSpec spec, JsonObject payload)
    {
        using var document = JsonDocument.Parse(payload.ToJsonString());
        var problems = default(ProblemList);
        var context = new FieldContext(DeviceId, Samples.Now, TimeSpan.FromMinutes(5), TimeSpan.FromDays(400));
        FieldChecker.CheckObject(document.RootElement, spec.Fields, context, ref problems);
        return (spec.Read(document.RootElement, DeviceId)!, problems.ToReadOnly());
    }

    /// <summary>Every field that is not an object, nested ones included, in catalogue order.</summary>
    public static IEnumerable<FieldSpec> Leaves(ImmutableArray<FieldSpec> fields) =>
        fields.SelectMany(field => field.Type == FieldType.Object ? Leaves(field.Fields) : [field]);

    private static JsonNode BaseValue(FieldSpec field) => field switch
    {
        { MustMatchTopicDevice: true } => JsonValue.Create(DeviceId),
        { Type: FieldType.DateTime } => JsonValue.Create(Samples.Ts),
        _ => TwoValues(field)?.A ?? JsonValue.Create(field.AllowedValues[0]),
    };
}
