using System.Buffers;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>A message the validator refused: what came in, when, and every reason.</summary>
/// <param name="PayloadStart">The payload's first bytes (at most <see cref="RejectPointFactory.MaxPayloadBytesKept"/>).</param>
/// <param name="PayloadLength">The whole payload's length in bytes.</param>
public sealed record RejectedMessage(
    string Topic,
    ReadOnlyMemory<byte> PayloadStart,
    long PayloadLength,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>The first problem's code: the reason it is counted under.</summary>
    public string Reason => Problems.Count > 0 ? Problems[0].Code : RejectReasons.JsonMalformed;

    /// <summary>A refused message with the first bytes of its payload (at most <see cref="RejectPointFactory.MaxPayloadBytesKept"/>).</summary>
    public static RejectedMessage Of(string topic, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt, IReadOnlyList<ValidationProblem> problems)
    {
        var kept = payload.Length > RejectPointFactory.MaxPayloadBytesKept ? payload.Slice(0, RejectPointFactory.MaxPayloadBytesKept) : payload;
        return new RejectedMessage(topic, kept.ToArray(), payload.Length, receivedAt, problems);
    }

    /// <summary>A valid message's point that InfluxDB itself refused (e.g. a field type conflict): a <c>storage-rejected</c> reject.</summary>
    public static RejectedMessage StorageRefused(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, string influxReason) =>
        new(topic, payload, payload.Length, receivedAt, [new ValidationProblem("$point", RejectReasons.StorageRejected, "InfluxDB refused the point: " + influxReason)]);
}
