using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Tests.AsyncApi;

namespace SmartOverhalla.Contracts.Tests.Catalog;

/// <summary>
/// The catalogue against the C# records, directly: the same fields with the same JSON types and required-ness, and
/// every accessor reading the property of its own field. With the AsyncAPI agreement tests this leaves no place where
/// a field can be named, typed or read differently without a failing test.
/// </summary>
public sealed class CatalogRecordAgreementTests
{
    public static TheoryData<string> SchemaNames() => [.. MessageCatalog.All.Select(spec => spec.SchemaName)];

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Catalogue_NamesTypesAndRequired_AgreeWithTheRecord(string schemaName)
    {
        // Given
        var spec = Spec(schemaName);

        // When
        var fromRecord = FieldShape.OfRecord(spec.TypeInfo);
        var fromCatalogue = FieldShape.OfSpec(spec.Fields, withLimits: false);

        // Then
        Assert.Equal(fromRecord, fromCatalogue);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Accessors_OfEveryField_ReadExactlyTheirOwnPayloadField(string schemaName)
    {
        Assert.Empty(AccessorCheck.Problems(Spec(schemaName)));
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Accessors_EveryFieldOfTheRecord_HasOneExceptTheEnvelopeAndDateTimes(string schemaName)
    {
        // Given: a field without an accessor cannot be stored, so only these may lack one
        var spec = Spec(schemaName);

        // When
        var withoutAccessor = CatalogPayload.Leaves(spec.Fields).Where(field => field.Read is null);

        // Then
        Assert.All(withoutAccessor, field => Assert.True(
            field.MustMatchTopicDevice || field.Type == FieldType.DateTime || field.AllowedValues.Length == 1,
            $"{field.Path} has no accessor"));
    }

    [Fact]
    public void AccessorCheck_AccessorsOfTwoFieldsSwapped_IsDetected()
    {
        // Given: the street-light entry with powerW and energyKWh reading each other's property, as a careless edit would
        var swapped = MessageSpec.Create(
            nameof(MessageCatalog.StreetlightTelemetry),
            ContractJsonContext.Default.StreetlightTelemetry,
            series: null,
            f =>
            [
                f.DeviceId((t, id) => t with { DeviceId = id }),
                f.DeviceTime(),
                f.Integer("dimLevel", t => t.DimLevel, 0, 100),
                f.Number("powerW", t => t.EnergyKWh, 0, MessageCatalog.MaxPowerW),
                f.Number("energyKWh", t => t.PowerW, 0, MessageCatalog.MaxEnergyKWh),
                f.Boolean("lampOn", t => t.LampOn),
            ]);

        // When
        var problems = AccessorCheck.Problems(swapped);

        // Then
        Assert.Contains(problems, p => p.StartsWith("powerW: sent", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("energyKWh: its accessor read a different value when only powerW changed", StringComparison.Ordinal));
    }

    [Fact]
    public void AccessorCheck_NestedAccessorReadingASibling_IsDetected()
    {
        // Given: a water meter whose leak flag reads the burst flag
        var wrong = MessageSpec.Create(
            nameof(MessageCatalog.WatermeterTelemetry),
            ContractJsonContext.Default.WatermeterTelemetry,
            series: null,
            f =>
            [
                f.DeviceId((t, id) => t with { DeviceId = id }),
                f.DeviceTime(),
                f.Number("volumeL", t => t.VolumeL, 0, MessageCatalog.MaxVolumeL),
                f.Number("flowLph", t => t.FlowLph, 0, MessageCatalog.MaxFlowLph),
                f.Number("waterTempC", t => t.WaterTempC, MessageCatalog.MinWaterTempC, MessageCatalog.MaxWaterTempC),
                f.Integer("batteryPct", t => t.BatteryPct, 0, 100),
                f.Object("alarms", t => t.Alarms, "alarm", a =>
                [
                    a.Boolean("leak", x => x.Burst),
                    a.Boolean("burst", x => x.Burst),
                    a.Boolean("backflow", x => x.Backflow),
                    a.Boolean("dry", x => x.Dry),
                    a.Boolean("tamper", x => x.Tamper),
                    a.Boolean("lowBattery", x => x.LowBattery),
                ]),
            ]);

        // When
        var problems = AccessorCheck.Problems(wrong);

        // Then
        Assert.Contains(problems, p => p.StartsWith("alarms.leak: sent true, its accessor read", StringComparison.Ordinal));
    }

    private static MessageSpec Spec(string schemaName) => MessageCatalog.All.Single(spec => spec.SchemaName == schemaName);
}
