using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.LoRaWan.Tests.Downlinks;

/// <summary>dim-level-v1 as spec/lorawan.md defines it: FRMPayload of one byte, the level 0–100 (0x00–0x64).</summary>
public sealed class CommandEncodersTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 7, 15, 40, 0, TimeSpan.Zero);

    private static SetDimCommand Dim(int level) => new("7d1c0f5e-3b2a-4c9d-8e6f-1a2b3c4d5e6f", Issued, level, "override");

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(1, new byte[] { 0x01 })]
    [InlineData(70, new byte[] { 0x46 })]
    [InlineData(100, new byte[] { 0x64 })]
    public void TryEncode_DimLevelInRange_IsOneByte(int level, byte[] expected)
    {
        Assert.True(CommandEncoders.TryEncode(CommandEncoders.DimLevelV1, Dim(level), out var payload));
        Assert.Equal(expected, payload);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(int.MinValue)]
    public void TryEncode_DimLevelOutOfRange_IsRefused(int level)
    {
        Assert.False(CommandEncoders.TryEncode(CommandEncoders.DimLevelV1, Dim(level), out var payload));
        Assert.Null(payload);
    }

    [Fact]
    public void TryEncode_UntilTs_IsNotSent()
    {
        var command = Dim(30) with { UntilTs = Issued.AddHours(2) };

        Assert.True(CommandEncoders.TryEncode(CommandEncoders.DimLevelV1, command, out var payload));
        Assert.Equal(new byte[] { 0x1E }, payload);
    }

    [Theory]
    [InlineData("dim-level-v2")]
    [InlineData("DIM-LEVEL-V1")]
    [InlineData("")]
    public void TryEncode_UnknownEncoder_IsRefused(string encoder)
    {
        Assert.False(CommandEncoders.IsKnown(encoder));
        Assert.False(CommandEncoders.TryEncode(encoder, Dim(50), out var payload));
        Assert.Null(payload);
    }

    [Fact]
    public void Names_AreKnown() => Assert.All(CommandEncoders.Names, name => Assert.True(CommandEncoders.IsKnown(name)));

    [Theory]
    [InlineData(new byte[] { 0x00 }, 0)]
    [InlineData(new byte[] { 0x46 }, 70)]
    [InlineData(new byte[] { 0x64 }, 100)]
    public void TryDecodeDimLevel_OneByteInRange_IsTheLevel(byte[] payload, int expected)
    {
        Assert.True(CommandEncoders.TryDecodeDimLevel(payload, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x65 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x46, 0x00 })]
    public void TryDecodeDimLevel_NotOneByteInRange_IsFalse(byte[] payload) =>
        Assert.False(CommandEncoders.TryDecodeDimLevel(payload, out _));

    [Fact]
    public void TryDecodeDimLevel_EveryEncodedLevel_RoundTrips()
    {
        for (var level = 0; level <= 100; level++)
        {
            Assert.True(CommandEncoders.TryEncode(CommandEncoders.DimLevelV1, Dim(level), out var payload));
            Assert.True(CommandEncoders.TryDecodeDimLevel(payload, out var decoded));
            Assert.Equal(level, decoded);
        }
    }
}
