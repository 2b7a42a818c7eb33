using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Storage;
using SmartOverhalla.Contracts.Tests.Catalog;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Tests.Storage;

/// <summary>
/// The rules of the time-series schema (design.md, "Time-series store"; README, "Time-series schema") that the series
/// derived from the catalogue must keep, so that a field added to the contract lands where dashboards expect it.
/// The exact names and types are pinned by the ingestion worker's PointSchemaTests.
/// </summary>
public sealed class DeviceSeriesTests
{
    /// <summary>Tags every device point carries from its topic; no payload field may take their names.</summary>
    private static readonly string[] EnvelopeNames = ["municipality", "device", "kind", "time"];

    public static TheoryData<string> StoredSchemaNames() => [.. MessageCatalog.All.Where(spec => spec.Series is not null).Select(spec => spec.SchemaName)];

    [Fact]
    public void For_TelemetryOfEachKind_IsTheMeasurementNamedAsTheKindWithoutAKindTag()
    {
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            var series = DeviceSeries.For(kind, MessageType.Telemetry);

            Assert.NotNull(series);
            Assert.Equal(TopicNames.Of(kind), series.Measurement);
            Assert.False(series.HasKindTag);
        }
    }

    [Theory]
    [InlineData(MessageType.Event, DeviceMeasurements.DeviceEvent, typeof(DeviceEvent))]
    [InlineData(MessageType.Status, DeviceMeasurements.DeviceStatus, typeof(DeviceStatus))]
    public void For_EventsAndStatusesOfEveryKind_ShareOneMeasurementTaggedWithTheKind(MessageType message, string measurement, Type record)
    {
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            var series = DeviceSeries.For(kind, message);

            Assert.NotNull(series);
            Assert.Equal(measurement, series.Measurement);
            Assert.True(series.HasKindTag);
            Assert.Equal(record, series.RecordType);
        }
    }

    [Fact]
    public void For_AcksAndCommands_AreStoredOnlyForTheAcksOfStreetLights()
    {
        Assert.Equal(DeviceMeasurements.CommandAck, DeviceSeries.For(DeviceKind.Streetlight, MessageType.Ack)?.Measurement);
        Assert.Null(DeviceSeries.For(DeviceKind.Watermeter, MessageType.Ack));
        Assert.Null(DeviceSeries.For(DeviceKind.Streetlight, MessageType.Cmd));
    }

    [Theory]
    [MemberData(nameof(StoredSchemaNames))]
    public void Fields_EveryPayloadFieldButTheEnvelope_IsStoredOnceUnderItsOwnName(string schemaName)
    {
        // Given
        var spec = MessageCatalog.All.Single(s => s.SchemaName == schemaName);

        // When: every leaf of the payload that is not the envelope, and what the series stores from it
        var payload = CatalogPayload.Leaves(spec.Fields).Where(f => !f.MustMatchTopicDevice && !f.IsDeviceTime).Select(f => f.Path);
        var stored = spec.Series!.Fields.Where(f => f.SourcePath is not null).ToList();

        // Then: all of them, once each (a status's state is the one stored in another form: the derived "online")
        var expected = payload.Where(path => !(schemaName == nameof(MessageCatalog.DeviceStatus) && path == "state"));
        Assert.Equal(expected, stored.Select(f => f.SourcePath));

        // And a top-level field under its own name, a nested one under its flattened name (alarms.leak: alarmLeak)
        Assert.All(stored, f =>
        {
            var leaf = f.SourcePath![(f.SourcePath!.LastIndexOf('.') + 1)..];
            Assert.True(
                f.SourcePath == f.Name || (f.SourcePath.Contains('.', StringComparison.Ordinal) && f.Name.EndsWith(char.ToUpperInvariant(leaf[0]) + leaf[1..], StringComparison.Ordinal)),
                $"{f.SourcePath} is stored as {f.Name}");
        });
    }

    [Theory]
    [MemberData(nameof(StoredSchemaNames))]
    public void Fields_EveryStoredPayloadField_HasTheInfluxTypeOfItsJsonType(string schemaName)
    {
        // Given
        var spec = MessageCatalog.All.Single(s => s.SchemaName == schemaName);
        var byPath = CatalogPayload.Leaves(spec.Fields).ToDictionary(f => f.Path);

        foreach (var field in spec.Series!.Fields.Where(f => f.SourcePath is not null))
        {
            // When
            var jsonType = byPath[field.SourcePath!].Type;

            // Then: integers stay integers (dimLevel 40i), measurements are floats, text may also be a tag
            Assert.Contains(
                field.Kind,
                jsonType switch
                {
                    FieldType.Integer => [SeriesFieldKind.Integer],
                    FieldType.Number => [SeriesFieldKind.Float],
                    FieldType.Boolean => [SeriesFieldKind.Boolean],
                    FieldType.String => [SeriesFieldKind.String, SeriesFieldKind.Tag],
                    _ => Array.Empty<SeriesFieldKind>(),
                });
        }
    }

    [Theory]
    [MemberData(nameof(StoredSchemaNames))]
    public void Fields_Names_AreUniqueAndNoneIsAnEnvelopeTagOrTime(string schemaName)
    {
        // Given
        var names = MessageCatalog.All.Single(s => s.SchemaName == schemaName).Series!.Fields.Select(f => f.Name).ToList();

        // Then: InfluxDB would keep a tag and a field of one name apart, and every query would have to say which
        Assert.Equal(names.Distinct(StringComparer.Ordinal), names);
        Assert.Empty(names.Intersect(EnvelopeNames, StringComparer.Ordinal));
        Assert.NotEmpty(names);
    }

    [Fact]
    public void Read_DerivedValues_AreOnePerEventAndOnlineFromTheStatus()
    {
        // Given
        var ts = DateTimeOffset.UnixEpoch;
        var events = DeviceSeries.For(DeviceKind.Plough, MessageType.Event)!;
        var statuses = DeviceSeries.For(DeviceKind.Plough, MessageType.Status)!;

        // When
        var count = events.Fields.Single(f => f.Name == "count").Read(new DeviceEvent("p-1", ts, "ploughDown"));
        var online = statuses.Fields.Single(f => f.Name == "online");

        // Then
        Assert.Equal(StoredValue.Integer(1), count);
        Assert.Equal(StoredValue.Boolean(true), online.Read(new DeviceStatus("p-1", ts, DeviceState.Online)));
        Assert.Equal(StoredValue.Boolean(false), online.Read(new DeviceStatus("p-1", ts, DeviceState.Offline)));
    }
}
