namespace SmartOverhalla.Influx;

/// <summary>
/// One InfluxDB point: measurement, tags, fields and timestamp, built fluently:
/// <c>PointData.Measurement("streetlight").Tag("device", "l1").Field("dimLevel", 50L).Timestamp(ts)</c>.
/// </summary>
/// <remarks>
/// Every builder call validates its input at once (so a bad value fails where it is produced, and a built
/// point can always be encoded); see <see cref="LineProtocolWriter"/> for the rules. The builder mutates and
/// returns the same instance to keep the ingestion hot path at three small allocations per point; a point is
/// not thread-safe and must not be changed after it is handed to a writer. Tags are kept sorted by key
/// (ordinal), as the line protocol reference recommends for write performance. Setting a tag or field key
/// twice replaces the earlier value. A tag whose value is null or empty is not written (InfluxDB has no
/// empty tag values: in InfluxQL an absent tag already compares equal to <c>''</c>).
/// </remarks>
public sealed class PointData
{
    private const int InitialCapacity = 4;

    private KeyValuePair<string, string>[] _tags = [];
    private int _tagCount;
    private KeyValuePair<string, FieldValue>[] _fields = [];
    private int _fieldCount;

    private PointData(string measurement) => MeasurementName = measurement;

    /// <summary>The measurement name.</summary>
    public string MeasurementName { get; }

    /// <summary>Tags sorted by key (ordinal).</summary>
    public ReadOnlySpan<KeyValuePair<string, string>> Tags => _tags.AsSpan(0, _tagCount);

    /// <summary>Fields in the order they were first set.</summary>
    public ReadOnlySpan<KeyValuePair<string, FieldValue>> Fields => _fields.AsSpan(0, _fieldCount);

    /// <summary>Nanoseconds since the Unix epoch, or null to let the server stamp the point on arrival.</summary>
    public long? TimestampNanoseconds { get; private set; }

    /// <summary>Starts a point in <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The name is empty, holds a line break, starts with <c>#</c> or a tab, has a backslash at its end or before
    /// a comma, equals sign, space or double quote, or is not valid UTF-16 (the same rules hold for tag keys and
    /// field keys, which also refuse <c>time</c> as a key; a tag value may hold a backslash anywhere but last).
    /// </exception>
    public static PointData Measurement(string name)
    {
        LineProtocolRules.ValidateMeasurement(name);
        return new PointData(name);
    }

    /// <summary>Sets tag <paramref name="key"/>; a null or empty <paramref name="value"/> removes it.</summary>
    public PointData Tag(string key, string? value)
    {
        LineProtocolRules.ValidateTagKey(key);
        if (string.IsNullOrEmpty(value))
        {
            RemoveTag(key);
            return this;
        }

        LineProtocolRules.ValidateTagValue(key, value);
        SetTag(key, value);
        return this;
    }

    /// <summary>Sets an integer field (written as <c>123i</c>).</summary>
    public PointData Field(string key, long value)
    {
        LineProtocolRules.ValidateFieldKey(key);
        return SetField(key, FieldValue.FromInt64(value));
    }

    /// <summary>
    /// Sets an integer field from an unsigned value (written as <c>123i</c>). Without this overload a
    /// <see cref="ulong"/> would convert implicitly to <see cref="double"/> and be stored as a float.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Above <see cref="long.MaxValue"/>: InfluxDB 1.x integers are signed.</exception>
    public PointData Field(string key, ulong value)
    {
        LineProtocolRules.ValidateFieldKey(key);
        return SetField(key, FieldValue.FromInt64(LineProtocolRules.ToInteger(key, value)));
    }

    /// <summary>Sets a float field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinity: line protocol has no representation for them.</exception>
    public PointData Field(string key, double value)
    {
        LineProtocolRules.ValidateFieldKey(key);
        LineProtocolRules.ValidateFloat(key, value);
        return SetField(key, FieldValue.FromDouble(value));
    }

    /// <summary>Sets a boolean field.</summary>
    public PointData Field(string key, bool value)
    {
        LineProtocolRules.ValidateFieldKey(key);
        return SetField(key, FieldValue.FromBoolean(value));
    }

    /// <summary>Sets a string field (may hold any text, newlines included, up to <see cref="LineProtocolWriter.MaxStringFieldBytes"/> UTF-8 bytes).</summary>
    public PointData Field(string key, string value)
    {
        LineProtocolRules.ValidateFieldKey(key);
        LineProtocolRules.ValidateStringField(key, value);
        return SetField(key, FieldValue.FromString(value));
    }

    /// <summary>Sets a field from a <see cref="FieldValue"/>.</summary>
    public PointData Field(string key, FieldValue value) => value.Kind switch
    {
        FieldValueKind.Integer => Field(key, value.AsInt64()),
        FieldValueKind.Float => Field(key, value.AsDouble()),
        FieldValueKind.Boolean => Field(key, value.AsBoolean()),
        _ => Field(key, value.AsString()),
    };

    /// <summary>Sets the timestamp (100 ns resolution; see <see cref="TimestampNs"/> for full nanoseconds).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside InfluxDB's range, 1677-09-21 to 2262-04-11.</exception>
    public PointData Timestamp(DateTimeOffset timestamp) => TimestampNs(LineProtocolRules.ToUnixNanoseconds(timestamp));

    /// <summary>Sets the timestamp in nanoseconds since the Unix epoch.</summary>
    public PointData TimestampNs(long nanoseconds)
    {
        LineProtocolRules.ValidateTimestamp(nanoseconds);
        TimestampNanoseconds = nanoseconds;
        return this;
    }

    /// <summary>The value of tag <paramref name="key"/>, or null.</summary>
    public string? GetTag(string key)
    {
        var index = FindTag(key);
        return index >= 0 ? _tags[index].Value : null;
    }

    /// <summary>The value of field <paramref name="key"/>, or null.</summary>
    public FieldValue? GetField(string key)
    {
        for (var i = 0; i < _fieldCount; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                return _fields[i].Value;
            }
        }

        return null;
    }

    /// <summary>The point as one line of line protocol, without the trailing newline.</summary>
    public override string ToString() => LineProtocolWriter.ToLine(this);

    private PointData SetField(string key, FieldValue value)
    {
        for (var i = 0; i < _fieldCount; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                _fields[i] = new(key, value);
                return this;
            }
        }

        if (_fieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, Math.Max(InitialCapacity, _fields.Length * 2));
        }

        _fields[_fieldCount++] = new(key, value);
        return this;
    }

    private void SetTag(string key, string value)
    {
        // Insertion sort: points carry a handful of tags, so this beats sorting at encode time.
        var i = 0;
        while (i < _tagCount)
        {
            var order = string.CompareOrdinal(_tags[i].Key, key);
            if (order == 0)
            {
                _tags[i] = new(key, value);
                return;
            }

            if (order > 0)
            {
                break;
            }

            i++;
        }

        if (_tagCount == _tags.Length)
        {
            Array.Resize(ref _tags, Math.Max(InitialCapacity, _tags.Length * 2));
        }

        Array.Copy(_tags, i, _tags, i + 1, _tagCount - i);
        _tags[i] = new(key, value);
        _tagCount++;
    }

    private void RemoveTag(string key)
    {
        var index = FindTag(key);
        if (index >= 0)
        {
            Array.Copy(_tags, index + 1, _tags, index, _tagCount - index - 1);
            _tags[--_tagCount] = default;
        }
    }

    private int FindTag(string key)
    {
        for (var i = 0; i < _tagCount; i++)
        {
            if (string.Equals(_tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
