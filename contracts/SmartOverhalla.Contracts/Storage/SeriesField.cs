using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Contracts.Storage;

/// <summary>
/// One tag or field a device message is stored with: its InfluxDB name and kind, and how to read its value from the
/// message record. Built from the message catalogue, where each one is declared with the payload field it stores, so
/// the worker that writes points never names a field itself.
/// </summary>
public sealed class SeriesField
{
    private readonly Func<object, StoredValue> _read;

    internal SeriesField(string name, SeriesFieldKind kind, string? sourcePath, Func<object, StoredValue> read)
    {
        Name = name;
        Kind = kind;
        SourcePath = sourcePath;
        _read = read;
    }

    /// <summary>The tag key or field key, e.g. <c>dimLevel</c>, or <c>alarmLeak</c> for the payload's <c>alarms.leak</c>.</summary>
    public string Name { get; }

    public SeriesFieldKind Kind { get; }

    /// <summary>The payload field the value comes from (<c>alarms.leak</c>), or null for a value the platform derives (an event's <c>count</c>).</summary>
    public string? SourcePath { get; }

    /// <summary>
    /// The value of this field in <paramref name="message"/>, which must be the record of the series it belongs to
    /// (<see cref="DeviceSeries.RecordType"/>); <see cref="StoredValue.Absent"/> when the message leaves it out.
    /// </summary>
    public StoredValue Read(IDeviceMessage message) => _read(message);

    public override string ToString() => $"{Kind} {Name}";

    /// <summary>A value the platform adds to every point of a series, computed from the record (not a payload field).</summary>
    internal static SeriesField Derived<T>(string name, SeriesFieldKind kind, Func<T, StoredValue> read)
        where T : class =>
        new(name, kind, null, message => read((T)message));
}
