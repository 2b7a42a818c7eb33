using SmartOverhalla.Contracts.Catalog;
using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Contracts.Tests.AsyncApi;

/// <summary>
/// The payload schemas of <c>contracts/asyncapi.yaml</c> against the C# records and the validator's catalogue:
/// renaming, retyping or re-limiting a field on any one side fails here.
/// </summary>
public sealed class AsyncApiSchemaAgreementTests
{
    private static readonly AsyncApiDocument Document = AsyncApiDocument.Load();

    public static TheoryData<string> SchemaNames() => [.. MessageCatalog.All.Select(spec => spec.SchemaName)];

    [Fact]
    public void Schemas_OfTheDocument_AreExactlyTheCatalogueMessages()
    {
        Assert.Equal(
            MessageCatalog.All.Select(spec => spec.SchemaName).Order(StringComparer.Ordinal),
            AsyncApiDocument.Keys(Document.Schemas).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void PayloadSchema_NamesTypesAndRequired_AgreeWithTheRecord(string schemaName)
    {
        // Given
        var spec = Spec(schemaName);

        // When
        var fromSchema = FieldShape.OfSchema(Schema(schemaName), withLimits: false);
        var fromRecord = FieldShape.OfRecord(spec.TypeInfo);

        // Then
        Assert.Equal(fromRecord, fromSchema);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void PayloadSchema_NamesTypesRequiredAndLimits_AgreeWithTheValidator(string schemaName)
    {
        // When
        var fromSchema = FieldShape.OfSchema(Schema(schemaName), withLimits: true);
        var fromSpec = FieldShape.OfSpec(Spec(schemaName).Fields, withLimits: true);

        // Then
        Assert.Equal(fromSpec, fromSchema);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void PayloadSchema_EnumsOfRecordEnumTypes_AgreeWithTheRecord(string schemaName)
    {
        // Given
        var spec = Spec(schemaName);
        var properties = AsyncApiDocument.Map(Schema(schemaName), "properties");

        // When: the schema's enum for every property the record types as an enum
        var expected = FieldShape.EnumsOfRecord(spec.TypeInfo);
        var documented = expected
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)])
            .Select(name => $"{name}: [{string.Join(", ", AsyncApiDocument.Strings(AsyncApiDocument.TryChild(AsyncApiDocument.Child(properties, name), "enum")))}]");

        // Then
        Assert.Equal(expected, documented);
    }

    [Fact]
    public void FieldShape_RenamedSchemaProperty_IsDetected()
    {
        // Given: the street-light schema with dimLevel renamed, as a careless edit would do
        var original = (YamlMappingNode)Schema("StreetlightTelemetry");
        var renamed = new YamlMappingNode(original.Children.Where(p => ((YamlScalarNode)p.Key).Value != "properties"));
        var properties = new YamlMappingNode(AsyncApiDocument.Map(original, "properties").Children
            .Select(p => new KeyValuePair<YamlNode, YamlNode>(((YamlScalarNode)p.Key).Value == "dimLevel" ? new YamlScalarNode("dimmingLevel") : p.Key, p.Value)));
        renamed.Add("properties", properties);

        // When
        var fromSchema = FieldShape.OfSchema(renamed, withLimits: false);

        // Then
        Assert.NotEqual(FieldShape.OfRecord(MessageCatalog.StreetlightTelemetry.TypeInfo), fromSchema);
        Assert.Contains("dimmingLevel: integer", fromSchema);
    }

    private static MessageSpec Spec(string schemaName) => MessageCatalog.All.Single(spec => spec.SchemaName == schemaName);

    private static YamlNode Schema(string schemaName) => AsyncApiDocument.Child(Document.Schemas, schemaName);
}
