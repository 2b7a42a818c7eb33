using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Catalog;
using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Contracts.Tests.AsyncApi;

/// <summary>
/// Describes a message's fields as sorted text lines (<c>alarms.leak: boolean required</c>) from each of the
/// three sources — the AsyncAPI schema, the C# record, the validator's catalogue — so that a test compares
/// them with one <c>Assert.Equal</c> and a failure shows exactly which field differs.
/// </summary>
internal static class FieldShape
{
    /// <summary>Name, JSON type and required-ness, from the record's source-generated metadata.</summary>
    public static IReadOnlyList<string> OfRecord(JsonTypeInfo typeInfo)
    {
        var lines = new List<string>();
        AddRecord(typeInfo, string.Empty, lines);

        // The command's "type" is not a property of the record but the polymorphic discriminator of DeviceCommand.
        if (typeInfo.Type.IsAssignableTo(typeof(DeviceCommand)))
        {
            lines.Add($"{Discriminator(typeInfo.Type).Property}: string required");
        }

        return Sorted(lines);
    }

    public static IReadOnlyList<string> OfSchema(YamlNode schema, bool withLimits)
    {
        var lines = new List<string>();
        AddSchema(schema, string.Empty, withLimits, lines);
        return Sorted(lines);
    }

    public static IReadOnlyList<string> OfSpec(IEnumerable<FieldSpec> fields, bool withLimits)
    {
        var lines = new List<string>();
        foreach (var field in fields)
        {
            AddSpec(field, withLimits, lines);
        }

        return Sorted(lines);
    }

    /// <summary>Enum properties of the record (CLR enums and the command discriminator), with their wire values.</summary>
    public static IReadOnlyList<string> EnumsOfRecord(JsonTypeInfo typeInfo)
    {
        var lines = new List<string>();
        foreach (var property in typeInfo.Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsEnum)
            {
                lines.Add($"{property.Name}: [{string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}]");
            }
        }

        if (typeInfo.Type.IsAssignableTo(typeof(DeviceCommand)))
        {
            var (property, value) = Discriminator(typeInfo.Type);
            lines.Add($"{property}: [{value}]");
        }

        return Sorted(lines);
    }

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.String => "string",
        FieldType.Integer => "integer",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "string/date-time",
        FieldType.Object => "object",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static (string Property, string Value) Discriminator(Type commandType)
    {
        var polymorphism = ContractJsonContext.Default.GetTypeInfo(typeof(DeviceCommand))!.PolymorphismOptions!;
        var derived = polymorphism.DerivedTypes.Single(d => d.DerivedType == commandType);
        return (polymorphism.TypeDiscriminatorPropertyName, (string)derived.TypeDiscriminator!);
    }

    private static void AddRecord(JsonTypeInfo typeInfo, string prefix, List<string> lines)
    {
        foreach (var property in typeInfo.Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var fieldType = ClrToField(type);

            // Nullable (string?, int?) means optional; everything else the record needs is required, except a device
            // message's own id: the record always has it, but from the topic, so the payload need not repeat it.
            var optional = property.IsGetNullable || IsTopicDeviceId(typeInfo, property);
            lines.Add($"{prefix}{property.Name}: {TypeName(fieldType)}{(optional ? string.Empty : " required")}");
            if (fieldType == FieldType.Object)
            {
                AddRecord(ContractJsonContext.Default.GetTypeInfo(type)!, $"{prefix}{property.Name}.", lines);
            }
        }
    }

    private static bool IsTopicDeviceId(JsonTypeInfo typeInfo, JsonPropertyInfo property) =>
        typeInfo.Type.IsAssignableTo(typeof(IDeviceMessage))
        && property.Name == JsonNamingPolicy.CamelCase.ConvertName(nameof(IDeviceMessage.DeviceId));

    private static FieldType ClrToField(Type type) =>
        type == typeof(int) ? FieldType.Integer
        : type == typeof(double) ? FieldType.Number
        : type == typeof(bool) ? FieldType.Boolean
        : type == typeof(string) || type.IsEnum ? FieldType.String
        : type == typeof(DateTimeOffset) ? FieldType.DateTime
        : FieldType.Object;

    private static void AddSchema(YamlNode schema, string prefix, bool withLimits, List<string> lines)
    {
        Assert.Equal("object", AsyncApiDocument.Text(schema, "type"));
        Assert.Equal("true", AsyncApiDocument.Text(schema, "additionalProperties"));
        var required = AsyncApiDocument.Strings(AsyncApiDocument.TryChild(schema, "required"));
        foreach (var (key, property) in AsyncApiDocument.Map(schema, "properties").Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var type = AsyncApiDocument.Text(property, "type");
            if (AsyncApiDocument.TryText(property, "format") is { } format)
            {
                type += "/" + format;
            }

            var line = $"{prefix}{name}: {type}{(required.Contains(name) ? " required" : string.Empty)}";
            if (withLimits)
            {
                line += Limits(
                    AsyncApiDocument.TryNumber(property, "minimum"),
                    AsyncApiDocument.TryNumber(property, "maximum"),
                    AsyncApiDocument.TryNumber(property, "exclusiveMaximum"),
                    (int?)AsyncApiDocument.TryNumber(property, "minLength"),
                    (int?)AsyncApiDocument.TryNumber(property, "maxLength"),
                    AsyncApiDocument.Strings(AsyncApiDocument.TryChild(property, "enum")));
            }

            lines.Add(line);
            if (type == "object")
            {
                AddSchema(property, $"{prefix}{name}.", withLimits, lines);
            }
        }
    }

    private static void AddSpec(FieldSpec field, bool withLimits, List<string> lines)
    {
        var line = $"{field.Path}: {TypeName(field.Type)}{(field.Required ? " required" : string.Empty)}";
        if (withLimits)
        {
            line += Limits(field.Minimum, field.Maximum, field.ExclusiveMaximum, field.MinLength, field.MaxLength, field.AllowedValues);
        }

        lines.Add(line);
        foreach (var child in field.Fields)
        {
            AddSpec(child, withLimits, lines);
        }
    }

    // A missing minLength means 0 in JSON schema, so 0 is not written on either side.
    private static string Limits(double? minimum, double? maximum, double? exclusiveMaximum, int? minLength, int? maxLength, IEnumerable<string> allowed)
    {
        var parts = new List<string>();
        if (minimum is { } min)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"min {min:R}"));
        }

        if (maximum is { } max)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"max {max:R}"));
        }

        if (exclusiveMaximum is { } below)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"below {below:R}"));
        }

        if (minLength is > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"minLength {minLength}"));
        }

        if (maxLength is { } longest)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"maxLength {longest}"));
        }

        var values = allowed.Order(StringComparer.Ordinal).ToList();
        if (values.Count > 0)
        {
            parts.Add($"enum [{string.Join(", ", values)}]");
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
    }

    private static IReadOnlyList<string> Sorted(List<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}
