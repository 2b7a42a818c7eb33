using System.Collections.Immutable;
using System.Text;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>Builds <see cref="FieldSpec"/>s so that the message catalogue reads like the contract.</summary>
internal static class Field
{
    public static FieldSpec DeviceId() =>
        Create("deviceId", FieldType.String) with { MustMatchTopicDevice = true };

    public static FieldSpec DeviceTime() =>
        Create("ts", FieldType.DateTime) with { IsDeviceTime = true };

    public static FieldSpec DateTime(string name, bool required = true) =>
        Create(name, FieldType.DateTime) with { Required = required };

    public static FieldSpec Integer(string name, int minimum, int maximum, bool required = true) =>
        Create(name, FieldType.Integer) with { Minimum = minimum, Maximum = maximum, Required = required };

    public static FieldSpec Number(string name, double minimum, double maximum) =>
        Create(name, FieldType.Number) with { Minimum = minimum, Maximum = maximum };

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="exclusiveMaximum"/>), e.g. a compass heading.</summary>
    public static FieldSpec NumberBelow(string name, double minimum, double exclusiveMaximum) =>
        Create(name, FieldType.Number) with { Minimum = minimum, ExclusiveMaximum = exclusiveMaximum };

    public static FieldSpec Boolean(string name) => Create(name, FieldType.Boolean);

    public static FieldSpec Text(string name, int minLength, int maxLength, bool required = true) =>
        Create(name, FieldType.String) with { MinLength = minLength, MaxLength = maxLength, Required = required };

    public static FieldSpec OneOf(string name, IEnumerable<string> allowed)
    {
        var values = allowed.ToImmutableArray();
        return Create(name, FieldType.String) with
        {
            AllowedValues = values,
            AllowedValuesText = "must be one of " + string.Join(", ", values),
        };
    }

    public static FieldSpec Object(string name, params ReadOnlySpan<FieldSpec> fields)
    {
        var nested = ImmutableArray.CreateBuilder<FieldSpec>(fields.Length);
        foreach (var field in fields)
        {
            nested.Add(UnderParent(field, name));
        }

        return Create(name, FieldType.Object) with { Fields = nested.MoveToImmutable() };
    }

    // Paths are full ("alarms.leak") so that a problem names the field without the walker building strings.
    private static FieldSpec UnderParent(FieldSpec field, string parent) => field with
    {
        Path = parent + "." + field.Path,
        Fields = field.Fields.IsEmpty ? field.Fields : [.. field.Fields.Select(child => UnderParent(child, parent))],
    };

    private static FieldSpec Create(string name, FieldType type) => new()
    {
        Name = name,
        Utf8Name = Encoding.UTF8.GetBytes(name),
        Path = name,
        Type = type,
    };
}
