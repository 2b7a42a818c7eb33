using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Ingestion.Pipeline;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class RejectPointFactoryTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static RejectedMessage Reject(string topic, int payloadBytes = 10) => new(
        topic,
        new byte[Math.Min(payloadBytes, RejectPointFactory.MaxPayloadBytesKept)],
        payloadBytes,
        Arrival,
        [new ValidationProblem("$payload", RejectReasons.JsonMalformed, "unexpected end of JSON")]);

    [Fact]
    public void Create_TwoRejectsArrivingInTheSameInstant_GetDistinctTimestamps()
    {
        var factory = new RejectPointFactory();

        var first = factory.Create(Reject("a"), "i1");
        var second = factory.Create(Reject("b"), "i1");

        Assert.NotEqual(first.TimestampNanoseconds, second.TimestampNanoseconds);
        Assert.True(second.TimestampNanoseconds > first.TimestampNanoseconds);
    }

    [Fact]
    public void Create_HostileTopic_IsKeptAsAFieldNeverAsATagAndKindIsUnknown()
    {
        var factory = new RejectPointFactory();

        var point = factory.Create(Reject("smartcity/v1/x/streetlight/a,b=1 c/telemetry\n"), "i1");

        var tags = point.Tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("unknown", tags["kind"]);
        Assert.Equal(RejectReasons.JsonMalformed, tags["reason"]);
        Assert.False(tags.ContainsKey("municipality"));
        var topic = point.Fields.ToArray().Single(f => f.Key == "topic").Value.AsString();
        Assert.Equal("smartcity/v1/x/streetlight/a,b=1 c/telemetry?", topic);
    }

    [Fact]
    public void Create_LargePayload_RecordsItsFullLengthButKeepsOnlyTheStart()
    {
        var factory = new RejectPointFactory();

        var point = factory.Create(Reject("t", 1_000_000), "i1");

        var fields = point.Fields.ToArray().ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(1_000_000L, fields["payloadBytes"].AsInt64());
        Assert.Equal(Convert.ToBase64String(new byte[RejectPointFactory.MaxPayloadBytesKept]).Length, fields["payloadBase64"].AsString().Length);
    }
}
