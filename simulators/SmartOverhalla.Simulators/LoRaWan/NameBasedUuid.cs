using System.Security.Cryptography;
using System.Text;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// Name-based UUIDs as the shared LoRaWAN design derives them (lorawan.md, "Platform side"): the first 16 bytes of
/// SHA-256 of the UTF-8 name, with the version bits set to 5 and the RFC 4122 variant. Stable across runs, so the
/// simulated ChirpStack applications keep their ids.
/// </summary>
internal static class NameBasedUuid
{
    public static Guid Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
