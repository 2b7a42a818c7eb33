using System.Globalization;

namespace SmartOverhalla.Influx;

/// <summary>One field value of a <see cref="PointData"/>: a tagged union without boxing.</summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly long _bits;
    private readonly string? _string;

    private FieldValue(FieldValueKind kind, long bits, string? text)
    {
        Kind = kind;
        _bits = bits;
        _string = text;
    }

    public FieldValueKind Kind { get; }

    public static FieldValue FromInt64(long value) => new(FieldValueKind.Integer, value, null);

    public static FieldValue FromDouble(double value) => new(FieldValueKind.Float, BitConverter.DoubleToInt64Bits(value), null);

    public static FieldValue FromBoolean(bool value) => new(FieldValueKind.Boolean, value ? 1 : 0, null);

    public static FieldValue FromString(string value) => new(FieldValueKind.String, 0, value);

    public long AsInt64() => Kind == FieldValueKind.Integer ? _bits : throw WrongKind(FieldValueKind.Integer);

    public double AsDouble() => Kind == FieldValueKind.Float ? BitConverter.Int64BitsToDouble(_bits) : throw WrongKind(FieldValueKind.Float);

    public bool AsBoolean() => Kind == FieldValueKind.Boolean ? _bits != 0 : throw WrongKind(FieldValueKind.Boolean);

    public string AsString() => Kind == FieldValueKind.String ? _string! : throw WrongKind(FieldValueKind.String);

    /// <summary>The value boxed as <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="string"/> (for tests and diagnostics, not the hot path).</summary>
    public object ToObject() => Kind switch
    {
        FieldValueKind.Integer => _bits,
        FieldValueKind.Float => BitConverter.Int64BitsToDouble(_bits),
        FieldValueKind.Boolean => _bits != 0,
        _ => _string!,
    };

    public bool Equals(FieldValue other) => Kind == other.Kind && _bits == other._bits && string.Equals(_string, other._string, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _bits, _string);

    public override string ToString() => Convert.ToString(ToObject(), CultureInfo.InvariantCulture) ?? string.Empty;

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    private InvalidOperationException WrongKind(FieldValueKind wanted) =>
        new($"The field value is {Kind}, not {wanted}.");
}
