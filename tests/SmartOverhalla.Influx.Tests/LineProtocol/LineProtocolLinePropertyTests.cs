using CsCheck;

namespace SmartOverhalla.Influx.Tests.LineProtocol;

/// <summary>
/// Whole points with generated measurement, tags, fields and timestamp: the builder either refuses the point with
/// an <see cref="ArgumentException"/> that names the parameter and says why (exactly when the input is something
/// line protocol cannot carry), or the encoded line reads back, through an independent parser, as exactly the
/// point that was built. No other exception is allowed.
/// </summary>
public sealed class LineProtocolLinePropertyTests
{
    /// <summary>Characters chosen to hit every rule: separators, escapes, line breaks, comment and trim starts, surrogates, non-ASCII.</summary>
    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (6, Gen.OneOfConst('a', 'Z', '0', '_', '-')),
        (6, Gen.OneOfConst(',', '=', ' ', '"', '\\', '#', '\t', '\'')),
        (1, Gen.OneOfConst('\n', '\r', '\0', '\u0085', '\u2028')),
        (1, Gen.OneOfConst('\uD800', '\uDC00', '\uD83D', '\uDE9C')),
        (2, Gen.OneOfConst('ø', 'Å', '日', '\u0406', '\uFEFF')),
        (1, Gen.Char));

    private static readonly Gen<string> Text = Gen.Frequency(
        (8, Gen.String[HostileChar, 0, 12]),
        (1, Gen.OneOfConst("time", "x,evil=1 value=0", "a\\", "a\\,b", "a\\\\b", "#comment", "\ttab")));

    private static readonly Gen<FieldValue> Values = Gen.Frequency(
        (2, Gen.Long.Select(FieldValue.FromInt64)),
        (2, Gen.Double.Select(FieldValue.FromDouble)),
        (1, Gen.OneOfConst(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue).Select(FieldValue.FromDouble)),
        (1, Gen.Bool.Select(FieldValue.FromBoolean)),
        (3, Gen.String[HostileChar, 0, 30].Select(FieldValue.FromString)));

    private static readonly Gen<long?> Timestamps = Gen.Frequency(
        (1, Gen.OneOfConst(new long?[] { null })),
        (4, Gen.Long.Select(l => (long?)l)),
        (1, Gen.OneOfConst<long?>(long.MinValue, long.MinValue + 1, long.MinValue + 2, long.MaxValue, long.MaxValue - 1, 0, -1)));

    private static readonly Gen<GeneratedPoint> Points = Gen.Select(
        Text,
        Gen.Select(Text, Gen.Frequency((4, Text), (1, Gen.OneOfConst<string>(null!, string.Empty)))).Array[0, 4],
        Gen.Select(Text, Values).Array[1, 4],
        Timestamps).Select((m, t, f, ts) => new GeneratedPoint(m, t, f, ts));

    [Fact]
    public void Build_AnyPoint_IsRefusedWithAReasonExactlyWhenLineProtocolCannotCarryIt_AndOtherwiseReadsBackExactly()
    {
        Points.Sample(generated =>
        {
            PointData point;
            try
            {
                point = generated.Build();
            }
            catch (ArgumentException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                Assert.False(string.IsNullOrEmpty(ex.ParamName));
                Assert.True(generated.ShouldBeRefused(), $"refused a point line protocol can carry: {ex.Message}");
                return;
            }

            Assert.False(generated.ShouldBeRefused(), "accepted a point line protocol cannot carry");
            var line = point.ToString();
            var parsed = LineProtocolTestParser.Parse(line);
            Assert.Equal(generated.ExpectedMeasurement, parsed.Measurement);
            Assert.Equal(generated.ExpectedTags(), parsed.Tags);
            Assert.Equal(generated.ExpectedFields(), parsed.Fields);
            Assert.Equal(generated.Timestamp, parsed.Timestamp);
        }, iter: 50_000, print: g => g.ToString());
    }

    [Fact]
    public void Write_AnyBatchOfAcceptedPoints_IsEachPointsLineFollowedByANewline()
    {
        // With the property above (each line reads back exactly, and a line break occurs only inside a quoted
        // string field), this makes a batch exactly its points, one line each.
        Points.Array[1, 8].Sample(batch =>
        {
            var built = new List<PointData>();
            foreach (var generated in batch)
            {
                try
                {
                    built.Add(generated.Build());
                }
                catch (ArgumentException)
                {
                    // Refusals are covered above; the batch holds what was accepted.
                }
            }

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            LineProtocolWriter.Write(built, buffer);
            Assert.Equal(string.Concat(built.Select(p => p.ToString() + "\n")), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }, iter: 5_000);
    }

    internal sealed record GeneratedPoint(string Measurement, (string Key, string Value)[] Tags, (string Key, FieldValue Value)[] Fields, long? Timestamp)
    {
        public string ExpectedMeasurement => Measurement;

        public PointData Build()
        {
            var point = PointData.Measurement(Measurement);
            foreach (var (key, value) in Tags)
            {
                point.Tag(key, value);
            }

            foreach (var (key, value) in Fields)
            {
                point.Field(key, value);
            }

            return Timestamp is { } ts ? point.TimestampNs(ts) : point;
        }

        /// <summary>The rules of the line protocol reference and InfluxDB 1.x, stated independently of the library.</summary>
        public bool ShouldBeRefused() =>
            BadIdentifier(Measurement) || Measurement.Length == 0 || Measurement[0] is '#' or '\t'
            || Tags.Any(t => BadKey(t.Key) || (!string.IsNullOrEmpty(t.Value) && BadTagValue(t.Value)))
            || Fields.Any(f => BadKey(f.Key) || BadValue(f.Value))
            || Timestamp is long.MinValue or long.MinValue + 1 or long.MaxValue;

        public List<KeyValuePair<string, string>> ExpectedTags()
        {
            var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in Tags)
            {
                if (string.IsNullOrEmpty(value))
                {
                    tags.Remove(key);
                }
                else
                {
                    tags[key] = value;
                }
            }

            return [.. tags];
        }

        public List<KeyValuePair<string, FieldValue>> ExpectedFields()
        {
            var fields = new List<KeyValuePair<string, FieldValue>>();
            foreach (var (key, value) in Fields)
            {
                var at = fields.FindIndex(f => f.Key == key);
                if (at >= 0)
                {
                    fields[at] = new(key, value);
                }
                else
                {
                    fields.Add(new(key, value));
                }
            }

            return fields;
        }

        public override string ToString() =>
            $"measurement {Show(Measurement)}, tags [{string.Join(", ", Tags.Select(t => Show(t.Key) + "=" + Show(t.Value)))}], fields [{string.Join(", ", Fields.Select(f => Show(f.Key) + "=" + f.Value.Kind + ":" + Show(f.Value.ToString())))}], ts {Timestamp}";

        private static bool BadKey(string key) => key.Length == 0 || key == "time" || BadIdentifier(key);

        private static bool BadValue(FieldValue value) => value.Kind switch
        {
            FieldValueKind.Float => !double.IsFinite(value.AsDouble()),
            FieldValueKind.String => HasLoneSurrogate(value.AsString()),
            _ => false,
        };

        private static bool BadTagValue(string text) =>
            text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) || HasLoneSurrogate(text)
            || text.EndsWith('\\');

        private static bool BadIdentifier(string text) =>
            text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) || HasLoneSurrogate(text)
            || text.EndsWith('\\')
            || text.Contains("\\,", StringComparison.Ordinal) || text.Contains("\\=", StringComparison.Ordinal)
            || text.Contains("\\ ", StringComparison.Ordinal) || text.Contains("\\\"", StringComparison.Ordinal);

        private static bool HasLoneSurrogate(string text) => !IsWellFormedUtf16(text);

        private static bool IsWellFormedUtf16(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Show(string? text) => text is null ? "null" : "\"" + string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
    }
}
