using System.Diagnostics.CodeAnalysis;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>
/// The downlink payload formats a street-light profile can name. Supported:
/// <list type="bullet">
/// <item><c>dim-level-v1</c>: one byte, the level 0–100 (0x00–0x64). The light applies it and reports the level it
/// runs at in its next uplink. An end time (<c>untilTs</c>) is not sent: the platform sends the next level itself.</item>
/// </list>
/// </summary>
public static class CommandEncoders
{
    public const string DimLevelV1 = "dim-level-v1";

    public static IReadOnlyList<string> Names { get; } = [DimLevelV1];

    public static bool IsKnown(string encoder) => Names.Contains(encoder, StringComparer.Ordinal);

    /// <summary>The FRMPayload of <paramref name="command"/>; false when the encoder cannot express it.</summary>
    public static bool TryEncode(string encoder, DeviceCommand command, [NotNullWhen(true)] out byte[]? payload)
    {
        payload = (encoder, command) switch
        {
            (DimLevelV1, SetDimCommand { Level: >= 0 and <= 100 } dim) => [(byte)dim.Level],
            _ => null,
        };
        return payload is not null;
    }

    /// <summary>The level in a <c>dim-level-v1</c> payload; false when it is not one.</summary>
    public static bool TryDecodeDimLevel(ReadOnlySpan<byte> payload, out int level)
    {
        level = payload is [var only and <= 100] ? only : -1;
        return level >= 0;
    }
}
