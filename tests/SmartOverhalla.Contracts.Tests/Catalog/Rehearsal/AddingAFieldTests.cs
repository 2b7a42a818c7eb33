using System.Text.Json.Nodes;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Storage;
using SmartOverhalla.Contracts.Tests.AsyncApi;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Catalog.Rehearsal;

/// <summary>
/// A rehearsal of the rule in contracts/README.md: a water-meter field added as one record parameter and one catalogue
/// line is validated, read and stored with no other change, and absent from an older device's message it is simply
/// not written.
/// </summary>
public sealed class AddingAFieldTests
{
    // The water-meter entry of MessageCatalog plus the one line step 2 adds.
    private static readonly MessageSpec WithPressure = MessageSpec.Create(
        nameof(MessageCatalog.WatermeterTelemetry),
        RehearsalJsonContext.Default.WatermeterTelemetryWithPressure,
        new SeriesSpec(DeviceMeasurements.Watermeter),
        f =>
        [
            f.DeviceId((t, id) => t with { DeviceId = id }),
            f.DeviceTime(),
            f.Number("volumeL", t => t.VolumeL, 0, MessageCatalog.MaxVolumeL),
            f.Number("flowLph", t => t.FlowLph, 0, MessageCatalog.MaxFlowLph),
            f.Number("waterTempC", t => t.WaterTempC, MessageCatalog.MinWaterTempC, MessageCatalog.MaxWaterTempC),
            f.Integer("batteryPct", t => t.BatteryPct, 0, 100),
            f.Object(
                "alarms",
                t => t.Alarms,
                storedPrefix: "alarm",
                a =>
                [
                    a.Boolean("leak", x => x.Leak),
                    a.Boolean("burst", x => x.Burst),
                    a.Boolean("backflow", x => x.Backflow),
                    a.Boolean("dry", x => x.Dry),
                    a.Boolean("tamper", x => x.Tamper),
                    a.Boolean("lowBattery", x => x.LowBattery),
                ]),
            f.OptionalNumber("pressureBar", t => t.PressureBar, 0, 16),
        ]);

    [Fact]
    public void NewField_RecordAndCatalogueLine_AgreeAndItsAccessorReadsIt()
    {
        Assert.Equal(FieldShape.OfRecord(WithPressure.TypeInfo), FieldShape.OfSpec(WithPressure.Fields, withLimits: false));
        Assert.Empty(AccessorCheck.Problems(WithPressure));
    }

    [Fact]
    public void NewField_IsStoredAsAFloatFieldUnderItsOwnNameAfterTheOthers()
    {
        var stored = WithPressure.Series!.Fields;

        Assert.Equal("pressureBar", stored[^1].Name);
        Assert.Equal(SeriesFieldKind.Float, stored[^1].Kind);
        Assert.Equal(MessageCatalog.WatermeterTelemetry.Series!.Fields.Select(f => f.Name), stored[..^1].Select(f => f.Name));
    }

    [Fact]
    public void NewField_SentByANewDevice_IsReadAndValidated()
    {
        // Given
        var payload = CatalogPayload.Build(WithPressure.Fields, "pressureBar", JsonValue.Create(3.5));

        // When
        var (record, problems) = CatalogPayload.Read(WithPressure, payload);
        var (_, outOfRange) = CatalogPayload.Read(WithPressure, CatalogPayload.Build(WithPressure.Fields, "pressureBar", JsonValue.Create(-1)));

        // Then
        Assert.Empty(problems);
        Assert.Equal(StoredValue.Float(3.5), WithPressure.Series!.Fields[^1].Read((WatermeterTelemetryWithPressure)record));
        Assert.Equal(("pressureBar", RejectReasons.FieldRange), (Assert.Single(outOfRange).Field, outOfRange[0].Code));
    }

    [Fact]
    public void NewField_LeftOutByAnOlderDevice_IsAcceptedAndNotWritten()
    {
        // Given: a payload from firmware that predates the field
        var payload = CatalogPayload.Build(WithPressure.Fields);
        payload.Remove("pressureBar");

        // When
        var (record, problems) = CatalogPayload.Read(WithPressure, payload);

        // Then
        Assert.Empty(problems);
        Assert.False(WithPressure.Series!.Fields[^1].Read((WatermeterTelemetryWithPressure)record).HasValue);
    }
}
