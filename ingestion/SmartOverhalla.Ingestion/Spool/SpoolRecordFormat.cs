using System.Buffers.Binary;
using System.IO.Hashing;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// The framing of one spool record: a 16-byte header, then the batch as line protocol.
/// <code>
/// offset 0  magic   "SOSP" (0x50534F53, little endian)
///        4  length  payload bytes (uint32, &gt; 0)
///        8  points  lines in the payload (uint32)
///       12  crc     CRC-32 over the points field and the payload
///       16  payload UTF-8 line protocol, precision ns
/// </code>
/// A crash can leave a record half written (a torn tail) or zero-filled after the last good one; the magic,
/// the length bound and the CRC tell such bytes from a whole record, so recovery keeps exactly the records
/// that were completely written.
/// </summary>
internal static class SpoolRecordFormat
{
    public const int HeaderSize = 16;
    public const uint Magic = 0x50534F53; // "SOSP" read as little endian
    public const int MaxPayloadBytes = 512 * 1024 * 1024;

    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> payload, int points)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)points);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], Checksum(header[8..12], payload));
    }

    /// <summary>Reads a header; false when it is not one (wrong magic, empty or oversized length).</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out int length, out int points, out uint crc)
    {
        length = 0;
        points = 0;
        crc = 0;
        if (header.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            return false;
        }

        var rawLength = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (rawLength is 0 or > MaxPayloadBytes)
        {
            return false;
        }

        length = (int)rawLength;
        points = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        return true;
    }

    public static bool IsIntact(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, uint crc) =>
        Checksum(header[8..12], payload) == crc;

    /// <summary>
    /// CRC-32 of IEEE 802.3 (reflected polynomial 0xEDB88320, as zlib and PNG) over the points field and the payload:
    /// the same checksum the worker has always written, so spools written before still replay.
    /// </summary>
    internal static uint Checksum(ReadOnlySpan<byte> pointsField, ReadOnlySpan<byte> payload)
    {
        // One small object per record (a record is a whole batch, its payload already a fresh array): no pooling needed.
        var crc = new Crc32();
        crc.Append(pointsField);
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>
    /// Reads the record at the stream's position. Returns null, leaving the position undefined, when the
    /// bytes there are not a whole, intact record (end of data, torn tail, corruption).
    /// </summary>
    public static SpoolRecordData? TryRead(Stream stream, long limit)
    {
        var start = stream.Position;
        Span<byte> header = stackalloc byte[HeaderSize];
        if (limit - start < HeaderSize || stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
        {
            return null;
        }

        if (!TryReadHeader(header, out var length, out var points, out var crc) || limit - start - HeaderSize < length)
        {
            return null;
        }

        var payload = new byte[length];
        if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length || !IsIntact(header, payload, crc))
        {
            return null;
        }

        return new SpoolRecordData(payload, points);
    }
}

/// <summary>One record's content: a batch as line protocol and how many points (lines) it holds.</summary>
internal sealed record SpoolRecordData(byte[] Payload, int Points)
{
    public long Size => SpoolRecordFormat.HeaderSize + Payload.Length;
}
