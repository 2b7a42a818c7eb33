using System.Collections.Immutable;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Storage;

/// <summary>
/// How one device message is stored in InfluxDB (README, "Time-series schema"): its measurement, whether its points
/// carry the device kind as a tag, and its tags and fields in writing order. Derived from the message catalogue, the
/// one definition of every message field, so a field added there is validated and stored without another edit.
/// </summary>
/// <remarks>
/// Every point also carries the tags <c>municipality</c> and <c>device</c> from the topic and the device's own
/// <c>ts</c> as its timestamp; those come from the envelope every message has, not from this list.
/// </remarks>
public sealed class DeviceSeries
{
    internal DeviceSeries(string measurement, bool hasKindTag, Type recordType, ImmutableArray<SeriesField> fields)
    {
        Measurement = measurement;
        HasKindTag = hasKindTag;
        RecordType = recordType;
        Fields = fields;
    }

    /// <summary>The InfluxDB measurement, e.g. <c>streetlight</c> or <c>device_event</c>.</summary>
    public string Measurement { get; }

    /// <summary>Whether points carry tag <c>kind</c> (the measurements every kind shares: events, statuses, acks).</summary>
    public bool HasKindTag { get; }

    /// <summary>The contract record the message is read into, e.g. <c>StreetlightTelemetry</c>.</summary>
    public Type RecordType { get; }

    /// <summary>Tags and fields in writing order: values the platform derives first, then the payload's in catalogue order.</summary>
    public ImmutableArray<SeriesField> Fields { get; }

    /// <summary>
    /// The series a device of <paramref name="kind"/> is stored in for <paramref name="message"/>; null where nothing
    /// is stored (commands go to devices, not to the database).
    /// </summary>
    public static DeviceSeries? For(DeviceKind kind, MessageType message) => MessageCatalog.Find(kind, message)?.Series;

    public override string ToString() => Measurement;
}
