using System.Text;
using CsCheck;
using SmartOverhalla.Ingestion.Spool;

namespace SmartOverhalla.Ingestion.Tests.Spool;

/// <summary>
/// The spool record's CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib and PNG): spools written by
/// an earlier worker must still replay, so the checksum may never change.
/// </summary>
public sealed class SpoolChecksumTests : IDisposable
{
    /// <summary>"SOSP", length 78, 1 point, CRC 0xADF59D4D: the header the worker wrote before System.IO.Hashing (its hand-written CRC).</summary>
    private const string RecordWrittenBefore = "534f53504e000000010000004d9df5ad";

    private const string Payload = "streetlight,municipality=overhalla,device=l1 dimLevel=50i 1765000000000000000\n";

    private readonly SpoolDirectory _dir = new();

    [Fact]
    public void Checksum_TheStandardCheckInput_IsTheCrc32CheckValue()
    {
        // CRC-32/ISO-HDLC's check value over "123456789" (the catalogue of parametrised CRC algorithms; zlib's crc32)
        Assert.Equal(0xCBF43926u, SpoolRecordFormat.Checksum("1234"u8, "56789"u8));
        Assert.Equal(0xCBF43926u, SpoolRecordFormat.Checksum([], "123456789"u8));
    }

    [Fact]
    public void Checksum_AnyBytes_EqualsTheBitwiseIeeeCrc32()
    {
        Gen.Byte.Array[0, 4].Select(Gen.Byte.Array[0, 2_000]).Sample(
            (points, payload) => SpoolRecordFormat.Checksum(points, payload) == BitwiseCrc32([.. points, .. payload]),
            iter: 2_000);
    }

    [Fact]
    public void WriteHeader_TheRecordWrittenBefore_IsWrittenByteForByteTheSame()
    {
        Span<byte> header = stackalloc byte[SpoolRecordFormat.HeaderSize];

        SpoolRecordFormat.WriteHeader(header, Encoding.UTF8.GetBytes(Payload), points: 1);

        Assert.Equal(RecordWrittenBefore, Convert.ToHexStringLower(header));
    }

    [Fact]
    public void Open_ASegmentWrittenBefore_ReplaysItsRecord()
    {
        // Given a segment file as the earlier worker left it
        File.WriteAllBytes(Path.Combine(_dir.Path, SpoolSegment.FileName(1)), [.. Convert.FromHexString(RecordWrittenBefore), .. Encoding.UTF8.GetBytes(Payload)]);

        // When the spool is opened, Then the record is intact and replays
        using var spool = _dir.Open();
        Assert.Equal((1L, 1L), (spool.Status().Records, spool.Status().Points));
        Assert.Equal([Payload], SpoolDirectory.Drain(spool));
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The CRC-32 of IEEE 802.3 straight from its definition, one bit at a time: the oracle, not a second implementation to use.</summary>
    private static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
