using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartOverhalla.Contracts.Storage;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>
/// One message of the device contract: its fields, the record it reads into and the series it is stored in.
/// <see cref="SchemaName"/> is the name of its payload schema in <c>contracts/asyncapi.yaml</c>.
/// </summary>
internal sealed class MessageSpec
{
    /// <summary>The field checker marks the fields it has seen in a 64-bit set.</summary>
    public const int MaxFieldsPerObject = 64;

    private MessageSpec(string schemaName, JsonTypeInfo typeInfo, ImmutableArray<FieldSpec> fields, DeviceSeries? series)
    {
        EnsureFieldCount(fields, schemaName);
        SchemaName = schemaName;
        TypeInfo = typeInfo;
        Fields = fields;
        Series = series;
        _withTopicDevice = fields.Select(field => field.WithTopicDevice).SingleOrDefault(with => with is not null);
    }

    private readonly Func<object, string, object>? _withTopicDevice;

    public string SchemaName { get; }

    /// <summary>Source-generated metadata of the contract record (from <c>ContractJsonContext</c>).</summary>
    public JsonTypeInfo TypeInfo { get; }

    /// <summary>The top-level fields, in documentation order.</summary>
    public ImmutableArray<FieldSpec> Fields { get; }

    /// <summary>How the message is stored in InfluxDB; null for messages the platform does not store (commands).</summary>
    public DeviceSeries? Series { get; }

    /// <summary>
    /// Declares the message read into record <typeparamref name="T"/>: <paramref name="fields"/> lists its payload
    /// fields through a <see cref="FieldBuilder{T}"/>, and the series the stored fields go to is derived from them.
    /// </summary>
    /// <exception cref="InvalidOperationException">A field is declared as stored but cannot be (a catalogue bug).</exception>
    public static MessageSpec Create<T>(string schemaName, JsonTypeInfo<T> typeInfo, SeriesSpec? series, Func<FieldBuilder<T>, ImmutableArray<FieldSpec>> fields)
        where T : class
    {
        var declared = fields(new FieldBuilder<T>());
        return new MessageSpec(schemaName, typeInfo, declared, series is null ? null : SeriesOf(series, typeof(T), declared, schemaName));
    }

    /// <summary>
    /// Reads the already-parsed, already-validated payload into the contract record, with the device id of the topic
    /// it arrived on (<paramref name="topicDeviceId"/>): the payload may leave <c>deviceId</c> out, and where it has
    /// it, validation has made sure it is the same.
    /// </summary>
    public object? Read(JsonElement payload, string topicDeviceId)
    {
        var message = payload.Deserialize(TypeInfo);
        return message is null || _withTopicDevice is null ? message : _withTopicDevice(message, topicDeviceId);
    }

    private static DeviceSeries SeriesOf(SeriesSpec series, Type recordType, ImmutableArray<FieldSpec> fields, string schemaName)
    {
        var stored = ImmutableArray.CreateBuilder<SeriesField>();
        stored.AddRange(series.Derived);
        AddStored(fields, stored, schemaName);
        return new DeviceSeries(series.Measurement, series.HasKindTag, recordType, stored.ToImmutable());
    }

    private static void AddStored(ImmutableArray<FieldSpec> fields, ImmutableArray<SeriesField>.Builder stored, string schemaName)
    {
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Object)
            {
                AddStored(field.Fields, stored, schemaName);
                continue;
            }

            if (field.Storage == FieldStorage.None)
            {
                continue;
            }

            var read = field.Read ?? throw new InvalidOperationException($"{schemaName}.{field.Path} is stored but declares no record property to read it from.");
            var kind = (field.Storage, field.Type) switch
            {
                (FieldStorage.Tag, FieldType.String) => SeriesFieldKind.Tag,
                (FieldStorage.Tag, _) => throw new InvalidOperationException($"{schemaName}.{field.Path}: only text can be a tag."),
                (_, FieldType.Integer) => SeriesFieldKind.Integer,
                (_, FieldType.Number) => SeriesFieldKind.Float,
                (_, FieldType.Boolean) => SeriesFieldKind.Boolean,
                (_, FieldType.String) => SeriesFieldKind.String,
                _ => throw new InvalidOperationException($"{schemaName}.{field.Path}: a {field.Type} field has no InfluxDB type to be stored as."),
            };

            if (field.Storage == FieldStorage.FieldEmptyWhenAbsent)
            {
                if (kind != SeriesFieldKind.String)
                {
                    throw new InvalidOperationException($"{schemaName}.{field.Path}: only text can be stored as empty when absent.");
                }

                var readOrAbsent = read;
                read = message => readOrAbsent(message) is { HasValue: true } value ? value : StoredValue.Text(string.Empty);
            }

            stored.Add(new SeriesField(field.StoredName, kind, field.Path, read));
        }
    }

    private static void EnsureFieldCount(ImmutableArray<FieldSpec> fields, string schemaName)
    {
        if (fields.Length > MaxFieldsPerObject)
        {
            throw new ArgumentException($"{schemaName}: an object may have at most {MaxFieldsPerObject} fields.", nameof(fields));
        }

        foreach (var field in fields)
        {
            EnsureFieldCount(field.Fields, schemaName);
        }
    }
}
