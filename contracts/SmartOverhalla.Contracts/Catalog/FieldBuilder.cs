using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SmartOverhalla.Contracts.Storage;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>
/// Declares the fields of contract record <typeparamref name="T"/> so that the message catalogue reads like the
/// contract: each field with its wire name, its limits and the record property it is stored from, given as a typed
/// lambda. The lambdas are compiled code, so storing a message needs neither reflection nor boxing, and a property
/// renamed in the record stops the catalogue from compiling instead of silently storing nothing.
/// </summary>
/// <remarks>
/// Every field is stored in InfluxDB under its wire name by default (design.md: "values as fields named as in the
/// payload"), with the InfluxDB type its JSON type maps to; a <see cref="FieldStorage"/> argument says otherwise.
/// </remarks>
internal sealed class FieldBuilder<T>
    where T : class
{
    /// <summary>
    /// The payload's <c>deviceId</c>. The topic names the device (design.md, "The device contract"), so a payload may
    /// leave it out; when it is there it must equal the topic's. Either way the record carries the topic's id, set by
    /// <paramref name="withTopicDevice"/> after reading, and the topic's id is what is stored (as tag <c>device</c>).
    /// </summary>
    public FieldSpec DeviceId(Func<T, string, T> withTopicDevice)
    {
        ArgumentNullException.ThrowIfNull(withTopicDevice);
        return Create("deviceId", FieldType.String, FieldStorage.None, null) with
        {
            Required = false,
            MustMatchTopicDevice = true,
            WithTopicDevice = (message, deviceId) => withTopicDevice((T)message, deviceId),
        };
    }

    /// <summary>The device's clock, <c>ts</c>: checked for skew and age, and the timestamp of the stored point.</summary>
    public FieldSpec DeviceTime() => Create("ts", FieldType.DateTime, FieldStorage.None, null) with { IsDeviceTime = true };

    /// <summary>A date-time other than the device's clock (only commands have one, and commands are not stored).</summary>
    public FieldSpec DateTime(string name) => Create(name, FieldType.DateTime, FieldStorage.None, null);

    public FieldSpec OptionalDateTime(string name) => DateTime(name) with { Required = false };

    public FieldSpec Integer(string name, Func<T, int> read, int minimum, int maximum) =>
        Create(name, FieldType.Integer, FieldStorage.Field, message => StoredValue.Integer(read((T)message)))
            with { Minimum = minimum, Maximum = maximum };

    public FieldSpec OptionalInteger(string name, Func<T, int?> read, int minimum, int maximum) =>
        Create(name, FieldType.Integer, FieldStorage.Field, message => read((T)message) is { } value ? StoredValue.Integer(value) : StoredValue.Absent)
            with { Minimum = minimum, Maximum = maximum, Required = false };

    public FieldSpec Number(string name, Func<T, double> read, double minimum, double maximum) =>
        Create(name, FieldType.Number, FieldStorage.Field, message => StoredValue.Float(read((T)message)))
            with { Minimum = minimum, Maximum = maximum };

    /// <summary>A number the message may leave out: what a field added within v1 is, since older firmware does not send it.</summary>
    public FieldSpec OptionalNumber(string name, Func<T, double?> read, double minimum, double maximum) =>
        Create(name, FieldType.Number, FieldStorage.Field, message => read((T)message) is { } value ? StoredValue.Float(value) : StoredValue.Absent)
            with { Minimum = minimum, Maximum = maximum, Required = false };

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="exclusiveMaximum"/>), e.g. a compass heading.</summary>
    public FieldSpec NumberBelow(string name, Func<T, double> read, double minimum, double exclusiveMaximum) =>
        Create(name, FieldType.Number, FieldStorage.Field, message => StoredValue.Float(read((T)message)))
            with { Minimum = minimum, ExclusiveMaximum = exclusiveMaximum };

    public FieldSpec Boolean(string name, Func<T, bool> read) =>
        Create(name, FieldType.Boolean, FieldStorage.Field, message => StoredValue.Boolean(read((T)message)));

    public FieldSpec OptionalBoolean(string name, Func<T, bool?> read) =>
        Create(name, FieldType.Boolean, FieldStorage.Field, message => read((T)message) is { } value ? StoredValue.Boolean(value) : StoredValue.Absent)
            with { Required = false };

    public FieldSpec Text(string name, Func<T, string> read, int minLength, int maxLength) =>
        OptionalText(name, read, minLength, maxLength) with { Required = true };

    /// <summary>Free text the message may leave out; an empty text is stored like an absent one (InfluxDB has no empty tags).</summary>
    public FieldSpec OptionalText(string name, Func<T, string?> read, int minLength, int maxLength, FieldStorage storage = FieldStorage.Field) =>
        Create(name, FieldType.String, storage, message => TextOrAbsent(read((T)message)))
            with { MinLength = minLength, MaxLength = maxLength, Required = false };

    /// <summary>A string that must be one of <paramref name="allowed"/> (listed in documentation order).</summary>
    public FieldSpec OneOf(string name, Func<T, string> read, IEnumerable<string> allowed, FieldStorage storage = FieldStorage.Field) =>
        Enumeration(name, [.. allowed], storage, message => TextOrAbsent(read((T)message)));

    /// <summary>An enumeration read into <typeparamref name="TEnum"/>: its wire values are the enum's names in camelCase, as the JSON converter writes them.</summary>
    public FieldSpec OneOf<TEnum>(string name, Func<T, TEnum> read, FieldStorage storage = FieldStorage.Field)
        where TEnum : struct, Enum
    {
        // Resolved once here, so reading a value is a comparison loop over a handful of entries, without boxing.
        var values = Enum.GetValues<TEnum>();
        var wireNames = values.Select(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString())).ToImmutableArray();
        return Enumeration(name, wireNames, storage, message => StoredValue.Text(WireName(read((T)message), values, wireNames)));
    }

    /// <summary>The polymorphic discriminator of a command (<c>"type": "setDim"</c>): a property of no record, never stored.</summary>
    public FieldSpec Discriminator(string name, string value) => Enumeration(name, [value], FieldStorage.None, null);

    /// <summary>
    /// A nested object, such as the water meter's <c>alarms</c>. InfluxDB fields are flat, so each nested field is
    /// stored as <paramref name="storedPrefix"/> + its name capitalised (<c>alarms.leak</c> as <c>alarmLeak</c>): a
    /// dotted key would need quoting in every dashboard query.
    /// </summary>
    public FieldSpec Object<TChild>(string name, Func<T, TChild> read, string storedPrefix, Func<FieldBuilder<TChild>, ImmutableArray<FieldSpec>> fields)
        where TChild : class
    {
        var children = fields(new FieldBuilder<TChild>());
        var nested = ImmutableArray.CreateBuilder<FieldSpec>(children.Length);
        foreach (var child in children)
        {
            nested.Add(UnderParent(child, name, storedPrefix, message => read((T)message)));
        }

        return Create(name, FieldType.Object, FieldStorage.None, null) with { Fields = nested.MoveToImmutable() };
    }

    // Paths are full ("alarms.leak") so that a problem names the field without the walker building strings, and the
    // accessor starts from the top-level record, so the storage walk need not know the nesting.
    private static FieldSpec UnderParent(FieldSpec field, string parent, string storedPrefix, Func<object, object> readParent)
    {
        var readChild = field.Read;
        return field with
        {
            Path = parent + "." + field.Path,
            StoredName = storedPrefix + char.ToUpperInvariant(field.StoredName[0]) + field.StoredName[1..],
            Read = readChild is null ? null : message => readChild(readParent(message)),
            Fields = field.Fields.IsEmpty ? field.Fields : [.. field.Fields.Select(child => UnderParent(child, parent, storedPrefix, readParent))],
        };
    }

    private static FieldSpec Enumeration(string name, ImmutableArray<string> allowed, FieldStorage storage, Func<object, StoredValue>? read) =>
        Create(name, FieldType.String, storage, read) with
        {
            AllowedValues = allowed,
            AllowedValuesText = "must be one of " + string.Join(", ", allowed),
        };

    private static StoredValue TextOrAbsent(string? text) => string.IsNullOrEmpty(text) ? StoredValue.Absent : StoredValue.Text(text);

    private static string WireName<TEnum>(TEnum value, TEnum[] values, ImmutableArray<string> wireNames)
        where TEnum : struct, Enum
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(values[i], value))
            {
                return wireNames[i];
            }
        }

        // Validation admits only the enum's names, so this is a record built in code with an undefined value.
        throw new ArgumentException($"{value} is not a defined {typeof(TEnum).Name}.", nameof(value));
    }

    private static FieldSpec Create(string name, FieldType type, FieldStorage storage, Func<object, StoredValue>? read) => new()
    {
        Name = name,
        Utf8Name = Encoding.UTF8.GetBytes(name),
        Path = name,
        StoredName = name,
        Type = type,
        Storage = storage,
        Read = read,
    };
}
