using System.Text;
using System.Text.Json;
using SmartOverhalla.Simulators.LoRaWan;
using static SmartOverhalla.Simulators.Tests.LoRaWan.LoRaWanTestDevices;

namespace SmartOverhalla.Simulators.Tests.LoRaWan;

/// <summary>Downlinks are read as the network servers document them, and acks written as they do.</summary>
public sealed class DownlinkJsonTests
{
    [Fact]
    public void ChirpStackReadDownlink_OfADeviceQueueItem_GivesItsIdPortAndPayload()
    {
        var json = """{"id":"9c2d6a8e-0000-5000-8000-000000000001","devEui":"70B3D5E75E000001","confirmed":true,"fPort":10,"data":"RQ=="}"""u8;

        var downlink = ChirpStackJson.ReadDownlink(json, "70b3d5e75e000001", out var problem);

        Assert.Null(problem);
        Assert.NotNull(downlink);
        Assert.Equal("9c2d6a8e-0000-5000-8000-000000000001", downlink.CommandId);
        Assert.Equal(downlink.CommandId, downlink.QueueItemId);
        Assert.True(downlink.Confirmed);
        Assert.Equal(10, downlink.FPort);
        Assert.Equal([0x45], downlink.FrmPayload);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"devEui":"70b3d5e75e000001","fPort":10,"data":"RQ=="}""", "no queue item id")]
    [InlineData("""{"id":"a","devEui":"70b3d5e75e000002","fPort":10,"data":"RQ=="}""", "devEui differs")]
    [InlineData("""{"id":"a","fPort":10,"data":"not base64!"}""", "data is not base64")]
    [InlineData("""{"id":"a","data":"RQ=="}""", "no fPort")]
    [InlineData("""{"id":"a","fPort":"10","data":"RQ=="}""", "no fPort")]
    public void ChirpStackReadDownlink_OfSomethingElse_GivesNothingAndWhy(string payload, string expected)
    {
        var downlink = ChirpStackJson.ReadDownlink(Encoding.UTF8.GetBytes(payload), "70b3d5e75e000001", out var problem);

        Assert.Null(downlink);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TtsReadDownlinks_OfAPush_TakesTheCmdIdFromTheSmartOverhallaCorrelationId()
    {
        var json = """{"downlinks":[{"f_port":10,"frm_payload":"FA==","priority":"NORMAL","confirmed":true,"correlation_ids":["other:1","smartoverhalla:cmd:c-42"]}]}"""u8;

        var downlink = Assert.Single(TtsJson.ReadDownlinks(json, out var problem));

        Assert.Null(problem);
        Assert.Equal("c-42", downlink.CommandId);
        Assert.Null(downlink.QueueItemId);
        Assert.Equal(["other:1", "smartoverhalla:cmd:c-42"], downlink.CorrelationIds);
        Assert.Equal(10, downlink.FPort);
        Assert.Equal([20], downlink.FrmPayload);
        Assert.True(downlink.Confirmed);
    }

    [Theory]
    [InlineData("{}", "no downlinks")]
    [InlineData("""{"downlinks":[]}""", "no downlinks")]
    [InlineData("""{"downlinks":[{"f_port":10,"frm_payload":"FA=="}]}""", "no correlation id")]
    [InlineData("""{"downlinks":[{"f_port":"x","frm_payload":"FA==","correlation_ids":["a"]}]}""", "f_port is not a number")]
    [InlineData("{", "not JSON")]
    public void TtsReadDownlinks_OfSomethingElse_GivesNoneAndWhy(string payload, string expected)
    {
        Assert.Empty(TtsJson.ReadDownlinks(Encoding.UTF8.GetBytes(payload), out var problem));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ChirpStackAck_NamesTheQueueItemAndTheDevice()
    {
        var device = Light(LoRaWanNetwork.ChirpStack);

        using var json = JsonDocument.Parse(ChirpStackJson.Ack(device, Guid.Empty, ReadingTime, "queue-item-1", fCntDown: 7));
        var root = json.RootElement;

        Assert.Equal("queue-item-1", root.GetProperty("queueItemId").GetString());
        Assert.True(root.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(7, root.GetProperty("fCntDown").GetInt32());
        Assert.Equal(device.DevEui.ToLowerInvariant(), root.GetProperty("deviceInfo").GetProperty("devEui").GetString());
        Assert.Equal("SO-Light-LoRa", root.GetProperty("deviceInfo").GetProperty("deviceProfileName").GetString());
        Assert.Equal("2026-12-07T10:15:02.000000Z", root.GetProperty("time").GetString());
    }

    [Fact]
    public void TtsDownlinkAck_CarriesThePushedCorrelationIdsAndLeavesOutAZeroFCnt()
    {
        var device = Light(LoRaWanNetwork.Tts);
        var downlink = new Downlink(LoRaWanNetwork.Tts, "c-1", null, ["smartoverhalla:cmd:c-1"], Confirmed: true, FPort: 10, FrmPayload: [30]);

        using var json = JsonDocument.Parse(TtsJson.DownlinkAck(device, "26000001", "key", downlink, fCntDown: 0, ReadingTime, "as:downlink:01H"));
        var ack = json.RootElement.GetProperty("downlink_ack");

        Assert.Equal("sim-light-0001", json.RootElement.GetProperty("end_device_ids").GetProperty("device_id").GetString());
        Assert.Contains("smartoverhalla:cmd:c-1", ack.GetProperty("correlation_ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(10, ack.GetProperty("f_port").GetInt32());
        Assert.Equal("Hg==", ack.GetProperty("frm_payload").GetString());
        Assert.True(ack.GetProperty("confirmed").GetBoolean());
        Assert.False(ack.TryGetProperty("f_cnt", out _));
        Assert.Equal("2026-12-07T10:15:02Z", json.RootElement.GetProperty("received_at").GetString());
    }
}
