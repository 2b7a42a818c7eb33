using System.Text;
using System.Text.Json.Nodes;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.LoRaWan.Tests.Downlinks;

/// <summary>
/// Fixtures follow ChirpStack v4 integration.proto AckEvent (deduplicationId, time, deviceInfo, queueItemId,
/// acknowledged, fCntDown; "sent when a confirmation on a confirmed downlink has been received -or- when the downlink
/// timed out"; JSON via pbjson with emit_fields, so acknowledged=false is written) and TTS "Data Formats",
/// Downlink Events Messages (end_device_ids, correlation_ids, received_at, downlink_ack / downlink_nack with the
/// downlink's correlation_ids).
/// </summary>
public sealed class DownlinkAckParserTests
{
    private const string TtsAckTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/down/ack";
    private const string TtsNackTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/down/nack";

    private static DownlinkAck? Parse(string topic, JsonNode json) =>
        DownlinkAckParser.TryParse(Fixture.Topic(topic), Fixture.Sequence(json), out var ack) ? ack : null;

    [Fact]
    public void TryParse_ChirpStackAck_ReadsQueueItemAndAcknowledged()
    {
        var ack = Parse(Fixture.ChirpStackLightAckTopic, Fixture.Json("chirpstack-ack.json"));

        Assert.Equal(
            new DownlinkAck(LoRaWanNetwork.ChirpStack, "70B3D5E75E0000A2", true, Guid.Parse("5e6f2c1a-9b7d-4e3f-8a21-0c4d6e8f1a2b"), null, new DateTimeOffset(2026, 12, 7, 15, 43, 1, 250, TimeSpan.Zero)),
            ack);
    }

    [Fact]
    public void TryParse_ChirpStackTimedOut_IsNotAcknowledged()
    {
        var json = Fixture.Json("chirpstack-ack.json");
        json["acknowledged"] = false;

        Assert.False(Parse(Fixture.ChirpStackLightAckTopic, json)!.Acknowledged);
    }

    [Fact]
    public void TryParse_ChirpStackAcknowledgedAbsent_IsNotAcknowledged()
    {
        var json = Fixture.Json("chirpstack-ack.json");
        json.Remove("acknowledged");

        Assert.False(Parse(Fixture.ChirpStackLightAckTopic, json)!.Acknowledged);
    }

    [Fact]
    public void TryParse_ChirpStackAckOfOurQueueItem_MatchesTheCommand()
    {
        // Given the ack of a downlink whose queue item id the platform derived from its command id
        const string cmdId = "7d1c0f5e-3b2a-4c9d-8e6f-1a2b3c4d5e6f";
        var json = Fixture.Json("chirpstack-ack.json");
        json["queueItemId"] = CommandCorrelation.QueueItemId(cmdId).ToString("D");

        // Then the ack names that queue item
        Assert.Equal(CommandCorrelation.QueueItemId(cmdId), Parse(Fixture.ChirpStackLightAckTopic, json)!.QueueItemId);
    }

    [Fact]
    public void TryParse_TtsDownAck_ReadsTheCommandId()
    {
        var ack = Parse(TtsAckTopic, Fixture.Json("tts-down-ack.json"));

        Assert.Equal(LoRaWanNetwork.TheThingsStack, ack!.Network);
        Assert.Equal("70B3D5E75E0000A2", ack.DevEui);
        Assert.True(ack.Acknowledged);
        Assert.Null(ack.QueueItemId);
        Assert.Equal("7d1c0f5e-3b2a-4c9d-8e6f-1a2b3c4d5e6f", ack.CmdId);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 15, 43, 1, TimeSpan.Zero).AddTicks(2_503_381), ack.At);
    }

    [Fact]
    public void TryParse_TtsDownNack_IsNotAcknowledged()
    {
        var ack = Parse(TtsNackTopic, Fixture.Json("tts-down-nack.json"));

        Assert.False(ack!.Acknowledged);
        Assert.Equal("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", ack.CmdId);
    }

    [Fact]
    public void TryParse_TtsAckOfSomeoneElsesDownlink_IsFalse()
    {
        // Given an ack of a downlink queued by another integration (no smartoverhalla correlation id)
        var json = Fixture.Json("tts-down-ack.json");
        json["downlink_ack"]!["correlation_ids"] = new JsonArray("as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W");

        Assert.Null(Parse(TtsAckTopic, json));
    }

    [Fact]
    public void TryParse_TtsAckPayloadOnNackTopic_IsFalse() =>
        Assert.Null(Parse(TtsNackTopic, Fixture.Json("tts-down-ack.json")));

    [Fact]
    public void TryParse_UplinkTopic_IsFalse() =>
        Assert.False(DownlinkAckParser.TryParse(Fixture.Topic(Fixture.ChirpStackWaterTopic), Fixture.Sequence(Fixture.Bytes("chirpstack-ack.json")), out _));

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"queueItemId\":\"not-a-uuid\",\"acknowledged\":true}")]
    [InlineData("{\"deviceInfo\":{\"devEui\":\"xyz\"},\"queueItemId\":\"5e6f2c1a-9b7d-4e3f-8a21-0c4d6e8f1a2b\"}")]
    [InlineData("{\"queueItemId\":12}")]
    public void TryParse_ChirpStackGarbage_IsFalse(string payload) =>
        Assert.False(DownlinkAckParser.TryParse(Fixture.Topic(Fixture.ChirpStackLightAckTopic), Fixture.Sequence(payload), out _));

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"end_device_ids\":{\"dev_eui\":\"70B3D5E75E0000A2\"}}")]
    [InlineData("{\"end_device_ids\":{\"dev_eui\":\"70B3D5E75E0000A2\"},\"downlink_ack\":{}}")]
    [InlineData("{\"end_device_ids\":{\"dev_eui\":\"70B3D5E75E0000A2\"},\"downlink_ack\":{\"correlation_ids\":[1,null,{}]}}")]
    [InlineData("{\"end_device_ids\":{},\"downlink_ack\":{\"correlation_ids\":[\"smartoverhalla:cmd:x\"]}}")]
    public void TryParse_TtsGarbage_IsFalse(string payload) =>
        Assert.False(DownlinkAckParser.TryParse(Fixture.Topic(TtsAckTopic), Fixture.Sequence(payload), out _));

    [Fact]
    public void TryParse_InvalidUtf8InAString_IsFalseInsteadOfThrowing()
    {
        // Given an ack whose queueItemId holds a byte that is not UTF-8 (threw InvalidOperationException before the fix)
        var bytes = Encoding.UTF8.GetBytes("{\"queueItemId\":\"5e6f2c1a-9b7d-4e3f-8a21-0c4d6e8f1a2b\",\"acknowledged\":true}");
        bytes[16] = 0xC3;

        Assert.False(DownlinkAckParser.TryParse(Fixture.Topic(Fixture.ChirpStackLightAckTopic), Fixture.Sequence(bytes), out _));
    }

    [Theory]
    [InlineData("chirpstack-ack.json", Fixture.ChirpStackLightAckTopic)]
    [InlineData("tts-down-ack.json", TtsAckTopic)]
    [InlineData("tts-down-nack.json", TtsNackTopic)]
    public void TryParse_TruncatedOrCorruptedFixtures_NeverThrows(string fixture, string topic)
    {
        var bytes = Fixture.Bytes(fixture);
        var parsedTopic = Fixture.Topic(topic);
        var random = new Random(20261207);
        for (var length = 0; length < bytes.Length; length++)
        {
            DownlinkAckParser.TryParse(parsedTopic, Fixture.Sequence(bytes[..length]), out _);
        }

        for (var i = 0; i < 500; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
            if (DownlinkAckParser.TryParse(parsedTopic, Fixture.Sequence(corrupted), out var ack))
            {
                Assert.Matches("^[0-9A-F]{16}$", ack.DevEui);
            }
        }
    }
}
