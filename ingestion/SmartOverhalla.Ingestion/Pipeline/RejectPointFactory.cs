using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Turns a rejected message into a point of the rejects series: the dead-letter place staff can query.
/// A reject has no trustworthy device time, so it is stamped with its arrival time, made unique per
/// worker so that two rejects in the same instant never overwrite each other.
/// </summary>
public sealed class RejectPointFactory
{
    /// <summary>Longest topic kept (a hostile topic can be 64 KiB).</summary>
    public const int MaxTopicChars = 256;

    /// <summary>Longest problem text kept.</summary>
    public const int MaxProblemChars = 2_048;

    /// <summary>Largest payload kept (base64 of the first bytes) so staff can see what came in.</summary>
    public const int MaxPayloadBytesKept = 16 * 1024;

    /// <summary>The <c>kind</c> of a reject that came from a LoRaWAN network server (an uplink that did not map).</summary>
    public const string LoRaWanKind = "lorawan";

    private long _lastNanoseconds;

    public PointData Create(RejectedMessage rejected, string instance)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var hasTopic = DeviceTopic.TryParse(rejected.Topic, out var topic, out _);
        var payload = rejected.PayloadStart.Length > MaxPayloadBytesKept ? rejected.PayloadStart[..MaxPayloadBytesKept] : rejected.PayloadStart;
        return PointData.Measurement(Measurements.Rejects)
            .Tag("reason", rejected.Reason)
            .Tag(Measurements.KindTag, hasTopic ? TopicNames.Of(topic.Kind) : NetworkTopics.IsNetworkServerTopic(rejected.Topic) ? LoRaWanKind : "unknown")
            .Tag(Measurements.MunicipalityTag, hasTopic ? topic.Municipality : null)
            .Tag("instance", instance)
            .Field("count", 1L)
            .Field("topic", Truncate(Sanitise(rejected.Topic), MaxTopicChars))
            .Field("problems", Truncate(string.Join("; ", rejected.Problems), MaxProblemChars))
            .Field("payloadBytes", rejected.PayloadLength)
            .Field("payloadBase64", Convert.ToBase64String(payload.Span))
            .TimestampNs(NextUniqueNanoseconds(rejected.ReceivedAt));
    }

    private long NextUniqueNanoseconds(DateTimeOffset receivedAt)
    {
        var candidate = (receivedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        while (true)
        {
            var last = Interlocked.Read(ref _lastNanoseconds);
            var next = candidate > last ? candidate : last + 1;
            if (Interlocked.CompareExchange(ref _lastNanoseconds, next, last) == last)
            {
                return next;
            }
        }
    }

    // A topic is arbitrary UTF-8 from a device: keep it readable and free of control characters.
    private static string Sanitise(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) || char.IsSurrogate(source[i]) ? '?' : source[i];
            }
        });

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
