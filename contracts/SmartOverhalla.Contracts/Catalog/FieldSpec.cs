using System.Collections.Immutable;
using SmartOverhalla.Contracts.Storage;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>
/// One field of a contract message as the validator enforces it, the AsyncAPI document declares it and InfluxDB
/// stores it: wire name, JSON type, whether it is required, its limits, and how it is stored and read from the
/// record. Built by <see cref="FieldBuilder{T}"/>.
/// </summary>
internal sealed record FieldSpec
{
    /// <summary>The camelCase wire name, e.g. <c>dimLevel</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The name as UTF-8, to match JSON property names without allocating.</summary>
    public required ReadOnlyMemory<byte> Utf8Name { get; init; }

    /// <summary>The full path reported in problems, e.g. <c>alarms.leak</c>.</summary>
    public required string Path { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>Required fields must be present and not null; optional ones may be absent or null.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Inclusive lower bound (JSON schema <c>minimum</c>).</summary>
    public double? Minimum { get; init; }

    /// <summary>Inclusive upper bound (JSON schema <c>maximum</c>).</summary>
    public double? Maximum { get; init; }

    /// <summary>Exclusive upper bound (JSON schema <c>exclusiveMaximum</c>), e.g. a heading below 360.</summary>
    public double? ExclusiveMaximum { get; init; }

    /// <summary>Shortest string accepted, in UTF-16 code units (JSON schema <c>minLength</c>).</summary>
    public int? MinLength { get; init; }

    /// <summary>Longest string accepted, in UTF-16 code units (JSON schema <c>maxLength</c>).</summary>
    public int? MaxLength { get; init; }

    /// <summary>For enumerations: every accepted value, in documentation order (JSON schema <c>enum</c>).</summary>
    public ImmutableArray<string> AllowedValues { get; init; } = [];

    /// <summary>For <see cref="FieldType.Object"/>: the nested fields.</summary>
    public ImmutableArray<FieldSpec> Fields { get; init; } = [];

    /// <summary>The value, when present, must equal the deviceId of the topic the message arrived on.</summary>
    public bool MustMatchTopicDevice { get; init; }

    /// <summary>
    /// For the <c>deviceId</c> field: returns the read record with its device id set to the topic's, so the record
    /// names its device whether or not the payload repeated it. Null for every other field.
    /// </summary>
    public Func<object, string, object>? WithTopicDevice { get; init; }

    /// <summary>The value is the device's clock (<c>ts</c>): checked against the platform clock for skew and age.</summary>
    public bool IsDeviceTime { get; init; }

    /// <summary>Precomputed "must be one of a, b, c" text, so a rejection does not build it each time.</summary>
    public string? AllowedValuesText { get; init; }

    /// <summary>Whether and how the field is written to InfluxDB.</summary>
    public FieldStorage Storage { get; init; }

    /// <summary>The InfluxDB tag or field key: the wire name, or for a field of a nested object its flattened name (<c>alarmLeak</c>).</summary>
    public required string StoredName { get; init; }

    /// <summary>
    /// Reads the field's value from the top-level message record, typed, without reflection; null for fields without
    /// a record property of their own (the command's discriminator) and for <see cref="FieldType.DateTime"/>.
    /// </summary>
    public Func<object, StoredValue>? Read { get; init; }
}
