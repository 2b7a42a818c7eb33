namespace SmartOverhalla.Contracts.Storage;

/// <summary>
/// One value a <see cref="SeriesField"/> reads from a message, without boxing: an integer, float, boolean or text,
/// read with the accessor its field's <see cref="SeriesField.Kind"/> names, or absent (an optional field the message
/// left out, which is then not written).
/// </summary>
public readonly struct StoredValue : IEquatable<StoredValue>
{
    private readonly long _integer;
    private readonly double _float;
    private readonly string? _text;

    private StoredValue(long integer, double number, string? text)
    {
        HasValue = true;
        _integer = integer;
        _float = number;
        _text = text;
    }

    /// <summary>No value: the field is not written for this message.</summary>
    public static StoredValue Absent => default;

    /// <summary>False for <see cref="Absent"/>.</summary>
    public bool HasValue { get; }

    public static StoredValue Integer(long value) => new(value, 0, null);

    public static StoredValue Float(double value) => new(0, value, null);

    public static StoredValue Boolean(bool value) => new(value ? 1 : 0, 0, null);

    public static StoredValue Text(string value) => new(0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public long AsInt64() => _integer;

    public double AsDouble() => _float;

    public bool AsBoolean() => _integer != 0;

    public string AsString() => _text ?? throw new InvalidOperationException("The stored value is not text.");

    public bool Equals(StoredValue other) =>
        HasValue == other.HasValue && _integer == other._integer && _float.Equals(other._float) && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is StoredValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(HasValue, _integer, _float, _text);

    /// <summary>For test failures and diagnostics: the value as InfluxDB line protocol would show it, kind unknown.</summary>
    public override string ToString() => !HasValue ? "(absent)" : _text is not null ? $"\"{_text}\"" : FormattableString.Invariant($"{_integer}i|{_float}");

    public static bool operator ==(StoredValue left, StoredValue right) => left.Equals(right);

    public static bool operator !=(StoredValue left, StoredValue right) => !left.Equals(right);
}
