using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>
/// One message of the device contract: its fields and the record it reads into.
/// <see cref="SchemaName"/> is the name of its payload schema in <c>contracts/asyncapi.yaml</c>.
/// </summary>
internal sealed class MessageSpec
{
    /// <summary>The field checker marks the fields it has seen in a 64-bit set.</summary>
    public const int MaxFieldsPerObject = 64;

    public MessageSpec(string schemaName, JsonTypeInfo typeInfo, ImmutableArray<FieldSpec> fields)
    {
        EnsureFieldCount(fields, schemaName);
        SchemaName = schemaName;
        TypeInfo = typeInfo;
        Fields = fields;
    }

    public string SchemaName { get; }

    /// <summary>Source-generated metadata of the contract record (from <c>ContractJsonContext</c>).</summary>
    public JsonTypeInfo TypeInfo { get; }

    /// <summary>The top-level fields, in documentation order.</summary>
    public ImmutableArray<FieldSpec> Fields { get; }

    /// <summary>Reads the already-parsed, already-validated payload into the contract record.</summary>
    public object? Read(JsonElement payload) => payload.Deserialize(TypeInfo);

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
