using System.Buffers;
using System.Reflection;
using System.Text;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>Many problems at once, hostile input, and the promise never to throw or echo the payload.</summary>
public sealed class MessageValidatorRobustnessTests
{
    private static readonly HashSet<string> KnownCodes = typeof(RejectReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Validate_MessageWithSeveralProblems_ReportsEveryOne()
    {
        // Given
        const string Json = """
            {"deviceId":"sl-9999","ts":"2026-01-15T17:00:00","dimLevel":50.5,"powerW":1e400,
             "energyKWh":-1,"lampOn":"yes","dimLevel":3,"extra":{"kept":true}}
            """;

        // When
        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, Json);

        // Then
        Assert.Equal(
            [
                ("deviceId", RejectReasons.DeviceMismatch),
                ("ts", RejectReasons.FieldType),
                ("dimLevel", RejectReasons.FieldType),
                ("powerW", RejectReasons.FieldRange),
                ("energyKWh", RejectReasons.FieldRange),
                ("lampOn", RejectReasons.FieldType),
                ("dimLevel", RejectReasons.JsonMalformed),
            ],
            result.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal(RejectReasons.DeviceMismatch, result.ReasonCode);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Validate_MissingAndWrongFieldsTogether_ReportsAll()
    {
        var payload = Samples.PloughTelemetry();
        payload.Remove("hdop");
        payload.Remove("lat");
        payload["spreading"] = "gravel";
        payload["speedKmh"] = 250;

        var result = Samples.Validator().Validate(Samples.PloughTelemetryTopic, payload);

        Assert.Equal(
            new HashSet<(string, string)>
            {
                ("speedKmh", RejectReasons.FieldRange),
                ("spreading", RejectReasons.FieldUnknownValue),
                ("lat", RejectReasons.FieldMissing),
                ("hdop", RejectReasons.FieldMissing),
            },
            result.Problems.Select(p => (p.Field, p.Code)).ToHashSet());
    }

    [Fact]
    public void Validate_BadValues_NeverEchoThePayloadInProblems()
    {
        // Given: values that could carry personal data or log-injection text
        const string Marker = "OLA-NORDMANN";
        var payload = Samples.PloughTelemetry();
        payload["deviceId"] = Marker;
        payload["ts"] = Marker;
        payload["spreading"] = Marker;
        payload["lat"] = Marker;
        var json = payload.ToJsonString()[..^1] + ",\"" + Marker + "\":{\"" + Marker + "\":[[[[[[[[1]]]]]]]]}}";

        // When
        var results = new[]
        {
            Samples.Validator().Validate(Samples.PloughTelemetryTopic, payload),
            Samples.Validator().Validate(Samples.PloughTelemetryTopic, json),
            Samples.Validator().Validate(Samples.PloughTelemetryTopic, "{\"" + Marker + "\" " + Marker + "}"),
            Samples.Validator().Validate($"smartcity/v1/overhalla/plough/{Marker}!/telemetry", payload),
        };

        // Then
        Assert.All(results, result => Assert.NotEmpty(result.Problems));
        Assert.All(results.SelectMany(r => r.Problems), problem => Assert.DoesNotContain(Marker, problem.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(10_000, '[', ']')]
    [InlineData(10_000, '{', '}')]
    [InlineData(100_000, '[', ']')]
    public void Validate_DeeplyNestedJson_ReportsJsonTooDeep(int levels, char open, char close)
    {
        // Given: nesting that would overflow a recursive parser
        var builder = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            builder.Append(open);
            if (open == '{')
            {
                builder.Append("\"a\":");
            }
        }

        builder.Append('1').Append(close, levels);
        var options = new ValidationOptions { MaxPayloadBytes = 1024 * 1024 };

        // When
        var result = Samples.Validator(options: options).Validate(Samples.StreetlightTelemetryTopic, builder.ToString());

        // Then
        Assert.Equal(RejectReasons.JsonTooDeep, Samples.Single(result).Code);
    }

    [Fact]
    public void Validate_OneMegabytePayload_ReportsPayloadTooLargeWithDefaultLimits()
    {
        var payload = new byte[1024 * 1024];
        Array.Fill(payload, (byte)'[');

        var result = Samples.Validator().Validate(Samples.StreetlightTelemetryTopic, payload);

        Assert.Equal(RejectReasons.PayloadTooLarge, Samples.Single(result).Code);
    }

    [Fact]
    public void Validate_OneMegabyteValidMessageUnderRaisedLimit_IsValid()
    {
        // Given: a valid message carrying a ~1 MB unknown field, with the limit at its 1 MiB maximum
        var options = new ValidationOptions { MaxPayloadBytes = 1024 * 1024 };
        var payload = Samples.StreetlightTelemetry();
        payload["padding"] = new string('x', (1024 * 1024) - 200);

        // When
        var result = Samples.Validator(options: options).Validate(Samples.StreetlightTelemetryTopic, payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_RandomGarbageAndMutatedMessages_NeverThrow()
    {
        // Given: a fixed seed, so a failure reproduces
        var random = new Random(20260115);
        var validator = Samples.Validator();
        var valid = Encoding.UTF8.GetBytes(Samples.WatermeterTelemetry().ToJsonString());
        string[] topics =
        [
            Samples.WatermeterTelemetryTopic, Samples.StreetlightTelemetryTopic, "smartcity/v1/overhalla/plough/pl-07/ack",
            "smartcity/v1/overhalla/watermeter/wm-1307/cmd", "#", "smartcity/v1/\0/x/y/z", string.Empty,
        ];
        byte[] alphabet = "{}[]\":,0123456789.eE-+ truefalsnul\\u\"abc"u8.ToArray();

        for (var i = 0; i < 20_000; i++)
        {
            var payload = (i % 4) switch
            {
                0 => RandomBytes(random, random.Next(0, 300)),
                1 => RandomFrom(random, alphabet, random.Next(0, 300)),
                _ => Mutate(random, valid),
            };
            var topic = topics[random.Next(topics.Length)];

            // When
            var result = validator.Validate(topic, new ReadOnlySequence<byte>(payload));

            // Then
            Assert.True(result.IsValid ? result.Message is not null : result.Problems.Count > 0);
            foreach (var problem in result.Problems)
            {
                Assert.Contains(problem.Code, KnownCodes);
                Assert.False(string.IsNullOrWhiteSpace(problem.Field));
                Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] RandomFrom(Random random, byte[] alphabet, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = alphabet[random.Next(alphabet.Length)];
        }

        return bytes;
    }

    // Flips, drops or duplicates a few bytes of a valid message: the input most likely to get deep into the walker.
    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes.Insert(at, bytes[random.Next(bytes.Count)]); break;
            }
        }

        return [.. bytes];
    }
}
