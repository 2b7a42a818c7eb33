using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Storage;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Influx;

namespace SmartOverhalla.DevicePoints;

/// <summary>
/// Maps a validated contract message to its InfluxDB point by walking the <see cref="DeviceSeries"/> the message
/// catalogue defines for it: measurement, tags and fields named and typed there (so a field added to the contract is
/// stored without a change here), tags <c>municipality</c> and <c>device</c> from the topic, and the device's own
/// timestamp, so a re-delivered message overwrites itself instead of doubling (design.md, "Device time").
/// </summary>
public static class PointMapper
{
    /// <exception cref="ArgumentException">
    /// Nothing is stored for the topic's message, the message is not the record of that topic, or a value cannot be
    /// carried by line protocol (e.g. a timestamp past 2262).
    /// </exception>
    public static PointData Map(DeviceTopic topic, IDeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var series = DeviceSeries.For(topic.Kind, topic.Message);
        if (series is null || message.GetType() != series.RecordType)
        {
            throw new ArgumentException($"No mapping for {message.GetType().Name} on a {TopicNames.Of(topic.Kind)} {TopicNames.Of(topic.Message)} topic.", nameof(message));
        }

        var point = PointData.Measurement(series.Measurement);
        if (series.HasKindTag)
        {
            point.Tag(DevicePointTags.Kind, TopicNames.Of(topic.Kind));
        }

        // A plain loop over an immutable array: no allocation per field, and each value is read by the accessor the
        // catalogue compiled for it (no reflection, no boxing).
        foreach (var field in series.Fields)
        {
            var value = field.Read(message);
            if (!value.HasValue)
            {
                continue;
            }

            switch (field.Kind)
            {
                case SeriesFieldKind.Tag:
                    point.Tag(field.Name, value.AsString());
                    break;
                case SeriesFieldKind.Integer:
                    point.Field(field.Name, value.AsInt64());
                    break;
                case SeriesFieldKind.Float:
                    point.Field(field.Name, value.AsDouble());
                    break;
                case SeriesFieldKind.Boolean:
                    point.Field(field.Name, value.AsBoolean());
                    break;
                default:
                    point.Field(field.Name, value.AsString());
                    break;
            }
        }

        return point
            .Tag(DevicePointTags.Municipality, topic.Municipality)
            .Tag(DevicePointTags.Device, topic.DeviceId)
            .Timestamp(message.Ts);
    }
}
