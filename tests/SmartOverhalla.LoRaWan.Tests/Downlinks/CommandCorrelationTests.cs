using System.Security.Cryptography;
using System.Text;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.LoRaWan.Tests.Downlinks;

/// <summary>
/// Queue item ids: ChirpStack v4 integration.proto DownlinkCommand.id ("ID (UUID). If left blank, a random UUID will
/// be generated."), repeated as AckEvent.queue_item_id; the UUID is name-based on SHA-256, laid out as RFC 9562 §5.8
/// version 8 (Appendix B.2 shows exactly this use). TTS: "Data Formats", Downlink Messages' correlation_ids, repeated
/// in the downlink events.
/// </summary>
public sealed class CommandCorrelationTests
{
    private const string CmdId = "7d1c0f5e-3b2a-4c9d-8e6f-1a2b3c4d5e6f";

    [Fact]
    public void QueueItemId_SameCommand_SameId() =>
        Assert.Equal(CommandCorrelation.QueueItemId(CmdId), CommandCorrelation.QueueItemId(CmdId));

    [Fact]
    public void QueueItemId_DifferentCommands_DifferentIds()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => CommandCorrelation.QueueItemId($"cmd-{i}")).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.NotEqual(CommandCorrelation.QueueItemId("a"), CommandCorrelation.QueueItemId("A"));
    }

    [Fact]
    public void QueueItemId_IsTheFirst128BitsOfSha256WithVersionAndVariant()
    {
        // Given the SHA-256 of the prefixed command id, in hex
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("smartoverhalla:cmd:" + CmdId)));

        // When the queue item id is made
        var id = CommandCorrelation.QueueItemId(CmdId).ToString("N");

        // Then it is the hash's first 32 hex digits in order, with the version nibble 8 and the variant bits 10
        var variant = (Convert.ToInt32(hash[16].ToString(), 16) & 0x3) | 0x8;
        var expected = hash[..12] + "8" + hash[13..16] + variant.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + hash[17..32];
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData(CmdId)]
    [InlineData("kommando æøå")]
    public void QueueItemId_AnyCommand_IsVersion8VariantRfc(string cmdId)
    {
        var id = CommandCorrelation.QueueItemId(cmdId);

        Assert.Equal(8, id.Version);
        var text = id.ToString("D");
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void CorrelationId_IsThePrefixedCommandId() =>
        Assert.Equal("smartoverhalla:cmd:" + CmdId, CommandCorrelation.CorrelationId(CmdId));

    [Fact]
    public void CommandIdIn_TtsCorrelationIds_FindsOurs()
    {
        string[] ids = ["as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W", "smartoverhalla:cmd:" + CmdId, "rpc:/ttn.lorawan.v3.AppAs/DownlinkQueuePush:01JEHF3C9K"];

        Assert.Equal(CmdId, CommandCorrelation.CommandIdIn(ids));
    }

    [Theory]
    [InlineData("")]
    [InlineData("as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W")]
    [InlineData("smartoverhalla:cmd:")]
    [InlineData("SMARTOVERHALLA:CMD:abc")]
    [InlineData("x-smartoverhalla:cmd:abc")]
    [InlineData("as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W smartoverhalla:cmd:")]
    public void CommandIdIn_NoneOfOurs_IsNull(string ids) =>
        Assert.Null(CommandCorrelation.CommandIdIn(ids.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void CommandIdIn_RoundTripsCorrelationId() =>
        Assert.Equal(CmdId, CommandCorrelation.CommandIdIn([CommandCorrelation.CorrelationId(CmdId)]));
}
