using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SmartOverhalla.Contracts.Validation.Specs;

/// <summary>
/// One message of the device contract: its fields and the record it reads into.
/// <see cref="SchemaName"/> is the name of its payload schema in <c>contracts/asyncapi.yaml</c>.
/// </summary>
internal sealed class MessageSpec(string schemaName, JsonTypeInfo typeInfo, ImmutableArray<FieldSpec> fields)
{
    public string SchemaName { get; } = schemaName;

    /// <summary>Source-generated metadata of the contract record (from <c>ContractJsonContext</c>).</summary>
    public JsonTypeInfo TypeInfo { get; } = typeInfo;

    /// <summary>The top-level fields, in documentation order.</summary>
    public ImmutableArray<FieldSpec> Fields { get; } = fields;

    /// <summary>Reads the already-parsed, already-validated payload into the contract record.</summary>
    public object? Read(JsonElement payload) => payload.Deserialize(TypeInfo);
}
