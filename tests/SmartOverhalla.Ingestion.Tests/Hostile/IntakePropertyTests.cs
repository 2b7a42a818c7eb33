using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Tests.Hostile;

/// <summary>
/// The receive path as a whole (validator → mapper → reject factory → line protocol) over generated input: every
/// message becomes either a point the encoder accepts, with the topic's device and municipality as tags, or a
/// reject with a known reason whose reject point the encoder accepts too. Nothing throws.
/// </summary>
public sealed class IntakePropertyTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> KnownCodes = typeof(RejectReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Append(MessageIntake.RateLimitedReason)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Valid payloads per topic suffix, as (property, raw JSON value) so that values can be swapped.</summary>
    private static readonly (string Kind, string Message, (string Key, string Raw)[] Properties)[] Templates =
    [
        ("streetlight", "telemetry", [("deviceId", "\"d-1\""), ("ts", "\"2026-01-15T16:59:00Z\""), ("dimLevel", "40"), ("powerW", "23.6"), ("energyKWh", "1532.75"), ("lampOn", "true")]),
        ("watermeter", "telemetry", [("deviceId", "\"d-1\""), ("ts", "\"2026-01-15T16:59:00Z\""), ("volumeL", "1000.5"), ("flowLph", "1.5"), ("waterTempC", "6.5"), ("batteryPct", "80"),
            ("alarms", "{\"leak\":false,\"burst\":false,\"backflow\":false,\"dry\":false,\"tamper\":false,\"lowBattery\":true}")]),
        ("plough", "telemetry", [("deviceId", "\"d-1\""), ("ts", "\"2026-01-15T16:59:00Z\""), ("lat", "64.48"), ("lon", "11.53"), ("speedKmh", "30"), ("headingDeg", "90"), ("ploughDown", "true"), ("spreading", "\"salt\""), ("hdop", "0.9")]),
        ("streetlight", "event", [("deviceId", "\"d-1\""), ("ts", "\"2026-01-15T16:59:00Z\""), ("type", "\"lampFailure\""), ("detail", "\"no current\"")]),
        ("plough", "status", [("deviceId", "\"d-1\""), ("ts", "\"2026-01-15T16:59:00Z\""), ("state", "\"online\"")]),
        ("streetlight", "ack", [("deviceId", "\"d-1\""), ("ts", "\"2026-01-15T16:59:00Z\""), ("cmdId", "\"c-1\""), ("result", "\"applied\""), ("appliedLevel", "100"), ("reason", "\"x\"")]),
    ];

    private static readonly Gen<string> RawValues = Gen.Frequency(
        (3, Gen.OneOfConst("0", "-0", "100", "101", "-1", "1e400", "1e-400", "5e1", "99999999999999999999", "0.5", "true", "false", "null", "\"\"", "{}", "[]", "[[[[[[[[1]]]]]]]]")),
        (2, Gen.OneOfConst("\"2262-04-12T00:00:00Z\"", "\"1677-09-21T00:00:00Z\"", "\"2026-01-15T17:04:59Z\"", "\"2025-01-15T17:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"d-1\"", "\"d-2\"", "\"salt\"", "\"\\uD800\"", "\"\\\\,= \\\"\"")),
        (2, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.String.Select(s => JsonSerializer.Serialize(s))));

    private static readonly Gen<string> DeviceIds = Gen.Frequency(
        (6, Gen.OneOfConst("d-1")),
        (1, Gen.OneOfConst("d,1", "d 1", "d=1", "d\"1", "d\\1", "", "+", new string('d', 65))),
        (1, Gen.String[0, 10]));

    private static readonly Gen<(string Topic, byte[] Payload)> Messages =
        Gen.Select(Gen.Int[0, Templates.Length - 1], DeviceIds, Gen.Select(Gen.Int[0, 10], RawValues).Array[0, 3], Gen.Int[0, 9])
            .Select((template, device, replacements, garble) =>
            {
                var (kind, message, properties) = Templates[template];
                var list = properties.ToList();
                foreach (var (at, raw) in replacements)
                {
                    var index = at % list.Count;
                    list[index] = (list[index].Key, raw);
                }

                var json = "{" + string.Join(",", list.Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Raw)) + "}";
                var bytes = Encoding.UTF8.GetBytes(json);
                if (garble == 0 && bytes.Length > 2)
                {
                    bytes[bytes.Length / 2] = 0xC0; // an overlong-encoding lead byte in the middle
                }

                return ($"smartcity/v1/overhalla/{kind}/{device}/{message}", bytes);
            });

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Accept_AnyMessage_IsAnEncodablePointOfTheTopicsDeviceOrAnEncodableRejectWithAKnownReason()
    {
        var clock = new FakeTimeProvider(Now);
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var intake = new MessageIntake(
            new MessageValidator(new ValidationOptions(), clock),
            new DeviceOnlineTracker(),
            new IngestionMetrics(meters),
            new DeviceFloodGuard(Options.Create(new DeviceFloodOptions { Action = FloodAction.DeadLetter, Burst = 1_000_000 }), new FloodMetrics(meters), clock, NullLogger<DeviceFloodGuard>.Instance),
            clock);
        var rejectPoints = new RejectPointFactory();
        var points = 0;

        Messages.Sample((topic, payload) =>
        {
            var item = intake.Accept(topic, new ReadOnlySequence<byte>(payload), NoReceipt.Instance);
            if (item.Point is { } point)
            {
                var line = LineProtocolWriter.ToLine(point);
                Assert.False(string.IsNullOrEmpty(line));
                // The topic names the device: a payload without deviceId (or with null) is stored under the topic's id.
                Assert.Equal(topic.Split('/')[4], point.GetTag("device"));
                Assert.Equal("overhalla", point.GetTag("municipality"));
                Interlocked.Increment(ref points);
                return;
            }

            var rejected = Assert.IsType<RejectedMessage>(item.Rejected);
            Assert.NotEmpty(rejected.Problems);
            Assert.All(rejected.Problems, p => Assert.Contains(p.Code, KnownCodes));
            Assert.All(rejected.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
            Assert.False(string.IsNullOrEmpty(LineProtocolWriter.ToLine(rejectPoints.Create(rejected, "test"))));
        }, iter: 20_000, threads: 1);

        // The generator must reach the accepted path often enough for the first half of the property to mean something.
        Assert.True(points > 1_000, $"only {points} generated messages were valid");
    }

    [Fact]
    public void RejectPoint_AnyTopicAndProblemText_IsEncodable()
    {
        var factory = new RejectPointFactory();
        Gen.Select(Gen.String[0, 300], Gen.String[0, 100], Gen.Byte.Array[0, 64]).Sample((topic, message, payload) =>
        {
            var rejected = new RejectedMessage(topic, payload, payload.Length, Now, [new ValidationProblem("$payload", RejectReasons.JsonMalformed, message)]);
            var line = LineProtocolWriter.ToLine(factory.Create(rejected, "test"));
            Assert.StartsWith("ingestion_reject,", line, StringComparison.Ordinal);
        }, iter: 20_000);
    }

    public void Dispose() => _services.Dispose();

    private sealed class NoReceipt : IDeliveryReceipt
    {
        public static readonly NoReceipt Instance = new();

        public Task AcknowledgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
