using System.Security.Cryptography;
using System.Text;

namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>
/// How a downlink carries the platform's command id, so the network server's acknowledgement can be matched to the
/// command: ChirpStack names a downlink by its queue item id (a UUID, given in the command and repeated as
/// <c>queueItemId</c> in <c>event/ack</c>); TTS repeats a downlink's <c>correlation_ids</c> in its <c>down/ack</c>.
/// </summary>
public static class CommandCorrelation
{
    public const string Prefix = "smartoverhalla:cmd:";

    /// <summary>A name-based UUID of the command id (SHA-256, RFC 9562 version 8 layout): the same command always gets the same queue item id.</summary>
    public static Guid QueueItemId(string cmdId)
    {
        ArgumentNullException.ThrowIfNull(cmdId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(Prefix + cmdId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static string CorrelationId(string cmdId) => Prefix + cmdId;

    /// <summary>The command id among a TTS message's correlation ids, or null.</summary>
    public static string? CommandIdIn(IEnumerable<string> correlationIds) =>
        correlationIds.FirstOrDefault(id => id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length > Prefix.Length)?[Prefix.Length..];
}
