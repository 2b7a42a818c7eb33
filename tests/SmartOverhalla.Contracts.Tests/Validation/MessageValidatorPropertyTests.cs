using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>
/// Properties of the validator over generated input (CsCheck, which shrinks a failure to a small case and
/// prints its seed): arbitrary bytes, arbitrary mutations of valid messages, arbitrary topics. None may throw;
/// every result is either a contract record or at least one problem with a known code and a reason.
/// </summary>
public sealed class MessageValidatorPropertyTests
{
    private const long Iterations = 20_000;

    private static readonly HashSet<string> KnownCodes = typeof(RejectReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] SchemaNames =
        ["StreetlightTelemetry", "WatermeterTelemetry", "PloughTelemetry", "StreetlightEvent", "WatermeterEvent", "PloughEvent", "DeviceStatus", "CommandAck"];

    private static readonly MessageValidator Validator = Samples.Validator();

    [Fact]
    public void Validate_ArbitraryBytesOnArbitraryTopics_NeverThrowsAndExplainsEveryRejection()
    {
        Gen.Select(Topics, Gen.Byte.Array[0, 512]).Sample((topic, payload) => AssertWellFormed(Validator.Validate(topic, new ReadOnlySequence<byte>(payload))), iter: Iterations);
    }

    [Fact]
    public void Validate_ArbitraryTextOnArbitraryTopics_NeverThrowsAndExplainsEveryRejection()
    {
        // Text from JSON's own alphabet gets past the UTF-8 check into the parser far more often than random bytes.
        var jsonish = Gen.String[Gen.OneOfConst("{}[]\":,0123456789.eE-+ tfnrulase\\u\uD800\u00e6\u0000".ToCharArray()), 0, 200];
        Gen.Select(Topics, jsonish).Sample((topic, text) => AssertWellFormed(Validator.Validate(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)))), iter: Iterations);
    }

    [Fact]
    public void Validate_MutatedValidMessages_NeverThrowAndAreEitherARecordOrExplained()
    {
        Gen.Select(MutatedMessages, Gen.Int[0, 9]).Sample((message, topicChoice) =>
        {
            // Mostly the message's own topic, so that mutations reach the field checks.
            var topic = topicChoice < 8 ? message.Topic : message.Topic.Replace("/v1/", "/v1//", StringComparison.Ordinal);
            var result = Validator.Validate(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(message.Json)));
            AssertWellFormed(result);
            if (result.IsValid)
            {
                // Accepted means the record holds exactly what the contract allows.
                Assert.Equal(result.Topic!.Value.DeviceId, result.Message!.DeviceId);
                Assert.InRange(result.Message.Ts, Samples.Now.AddDays(-400), Samples.Now.AddMinutes(5));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Validate_MutatedValidMessagesInManySegments_GivesTheSameResultAsOneSegment()
    {
        Gen.Select(MutatedMessages, Gen.Int[1, 64]).Sample((message, cut) =>
        {
            var bytes = Encoding.UTF8.GetBytes(message.Json);
            var at = Math.Min(cut, bytes.Length);
            var whole = Validator.Validate(message.Topic, new ReadOnlySequence<byte>(bytes));
            var split = Validator.Validate(message.Topic, SegmentedSequence.Of(bytes.AsMemory(0, at), bytes.AsMemory(at)));
            Assert.Equal(whole.Problems, split.Problems);
            Assert.Equal(whole.Message, split.Message);
        }, iter: 5_000);
    }

    private static void AssertWellFormed(MessageValidationResult result)
    {
        if (result.IsValid)
        {
            Assert.NotNull(result.Message);
            Assert.NotNull(result.Topic);
            Assert.IsAssignableFrom<IDeviceMessage>(result.Message);
            return;
        }

        Assert.Null(result.Message);
        Assert.NotEmpty(result.Problems);
        Assert.Contains(result.ReasonCode!, KnownCodes);
        foreach (var problem in result.Problems)
        {
            Assert.Contains(problem.Code, KnownCodes);
            Assert.False(string.IsNullOrWhiteSpace(problem.Field));
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        }
    }

    /// <summary>Topics built from the tree's own levels, hostile levels, and now and then arbitrary text.</summary>
    private static readonly Gen<string> Topics = Gen.Frequency(
        (6, Gen.Select(
            Gen.OneOfConst("overhalla", "Overhalla", "o", "overh\u0430lla", "namsos", ""),
            Gen.OneOfConst("streetlight", "watermeter", "plough", "lamppost", "+"),
            Gen.OneOfConst("sl-0042", "wm-1307", "pl-07", "x,evil=1 value=0", "sl\n1", "+", "#", "$x", "", new string('a', 65), "a\u0000b"),
            Gen.OneOfConst("telemetry", "event", "status", "ack", "cmd", "telemetri", "#"))
            .Select((m, k, d, t) => $"smartcity/v1/{m}/{k}/{d}/{t}")),
        (1, Gen.String[0, 80]),
        (1, Gen.OneOfConst("#", "/", "smartcity/v1", "$SYS/x", string.Empty)));

    /// <summary>A valid message of any schema, with up to four of its properties replaced, removed, renamed, duplicated or added.</summary>
    private static readonly Gen<(string Topic, string Json)> MutatedMessages =
        Gen.Select(Gen.OneOfConst(SchemaNames), Mutation.Array[0, 4]).Select((schema, mutations) =>
        {
            var (topic, payload) = Samples.For(schema);
            var properties = payload.Select(p => (Key: p.Key, Raw: p.Value?.ToJsonString() ?? "null")).ToList();
            foreach (var mutate in mutations)
            {
                mutate(properties);
            }

            return (topic, "{" + string.Join(",", properties.Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Raw)) + "}");
        });

    private static Gen<Action<List<(string Key, string Raw)>>> Mutation => Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 20], JsonValues(2)).Select<int, string, Action<List<(string Key, string Raw)>>>((i, raw) => list =>
        {
            if (list.Count > 0)
            {
                var at = i % list.Count;
                list[at] = (list[at].Key, raw);
            }
        })),
        (1, Gen.Int[0, 20].Select<int, Action<List<(string Key, string Raw)>>>(i => list =>
        {
            if (list.Count > 0)
            {
                list.RemoveAt(i % list.Count);
            }
        })),
        (1, Gen.Int[0, 20].Select<int, Action<List<(string Key, string Raw)>>>(i => list =>
        {
            if (list.Count > 0)
            {
                list.Add(list[i % list.Count]);
            }
        })),
        (1, Gen.Select(Keys, JsonValues(3)).Select<string, string, Action<List<(string Key, string Raw)>>>((key, raw) => list => list.Add((key, raw)))));

    private static Gen<string> Keys => Gen.Frequency(
        (3, Gen.OneOfConst("deviceId", "ts", "dimLevel", "powerW", "lampOn", "alarms", "leak", "type", "state", "cmdId", "result", "appliedLevel", "detail", "spreading", "lat")),
        (1, Gen.String[0, 12]));

    /// <summary>Raw JSON values: contract-like scalars, hostile literals, strings, and nested containers up to <paramref name="depth"/>.</summary>
    private static Gen<string> JsonValues(int depth)
    {
        var scalars = Gen.Frequency(
            (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
            (2, Gen.Int[-5, 105].Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (2, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            (2, Gen.OneOfConst("true", "false", "null", "1e400", "-1e400", "-0", "0.0", "1E2", "99999999999999999999", "NaN", "Infinity", "\"\"", "\"\\uD800\"", "\"\\u0000\"")),
            (2, Gen.OneOfConst("\"sl-0042\"", "\"wm-1307\"", "\"pl-07\"", "\"2026-01-15T17:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-01-15T17:00:00\"", "\"salt\"", "\"online\"", "\"applied\"", "\"lampFailure\"")),
            (2, Gen.String[0, 40].Select(s => JsonSerializer.Serialize(s))));
        if (depth == 0)
        {
            return scalars;
        }

        var inner = JsonValues(depth - 1);
        return Gen.Frequency(
            (6, scalars),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Keys, inner).Array[0, 4].Select(pairs => "{" + string.Join(",", pairs.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}")));
    }
}
