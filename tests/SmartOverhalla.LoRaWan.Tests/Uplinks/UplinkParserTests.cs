using System.Text;
using System.Text.Json.Nodes;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Tests.Uplinks;

/// <summary>
/// Fixtures follow: ChirpStack v4 api/proto/integration/integration.proto (UplinkEvent, DeviceInfo) with
/// api/proto/gw/gw.proto (UplinkRxInfo), in the JSON the MQTT integration writes with json=true (pbjson, camelCase;
/// the integration package is built with emit_fields, so fCnt 0 and false flags are written, while gw.UplinkRxInfo
/// omits its zero values; 'object' is a google.protobuf.Struct, whose numbers are doubles, so serde_json writes a
/// whole number as 97.0: chirpstack/chirpstack issue #77); The Things Stack "Data Formats" page (Uplink Messages: end_device_ids, received_at,
/// uplink_message with f_port, f_cnt, frm_payload, decoded_payload, rx_metadata, settings, received_at; "Empty fields
/// are omitted": "", 0 and false are absent).
/// </summary>
public sealed class UplinkParserTests
{
    private static (bool Ok, NetworkUplink? Uplink, SmartOverhalla.Contracts.Validation.ValidationProblem? Problem) Parse(string topic, JsonNode json)
    {
        var ok = UplinkParser.TryParse(Fixture.Topic(topic), Fixture.Sequence(json), out var uplink, out var problem);
        return (ok, uplink, problem);
    }

    [Fact]
    public void TryParse_ChirpStackFixture_ReadsEveryField()
    {
        // Given ChirpStack's documented uplink of a water meter heard by three gateways
        // When it is parsed
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json");

        // Then every field the platform needs is read
        Assert.Equal(LoRaWanNetwork.ChirpStack, uplink.Network);
        Assert.Equal("0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11", uplink.Application);
        Assert.Equal("vannmalere", uplink.ApplicationName);
        Assert.Null(uplink.Tenant);
        Assert.Equal("SO-Water-LoRa", uplink.DeviceProfile);
        Assert.Equal("4a2b0e52-3bde-4a53-9b8c-8d0f1d6c2a10", uplink.DeviceProfileId);
        Assert.Equal("70B3D5E75E000001", uplink.DevEui);
        Assert.Equal("wm-0001", uplink.NetworkDeviceId);
        Assert.Equal(10, uplink.FCnt);
        Assert.Equal(2, uplink.FPort);
        // ReceivedAt is ChirpStack's own reception time, the earliest rxInfo[].nsTime, not the gateway's 'time'
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 15, 2, TimeSpan.Zero).AddTicks(1_408_120), uplink.ReceivedAt);
        Assert.Equal(123.456, uplink.Decoded!.Value.GetProperty("volume_m3").GetDouble());

        // and the radio: best RSSI (-57 of -57/-101/-88) and best SNR (9.75 of 4.0/-3.25/9.75) come from different gateways
        Assert.Equal(new RadioQuality(-57, 9.75, 3), uplink.Radio);
    }

    [Fact]
    public void TryParse_TtsFixture_ReadsEveryField()
    {
        // Given TTS's documented uplink on a topic with a tenant
        // When it is parsed
        var uplink = Fixture.Uplink(Fixture.TtsWaterTopic, "tts-up-water.json");

        // Then it is read from end_device_ids, uplink_message and the topic
        Assert.Equal(LoRaWanNetwork.TheThingsStack, uplink.Network);
        Assert.Equal("overhalla-vann", uplink.Application);
        Assert.Equal("overhalla-vann", uplink.ApplicationName);
        Assert.Equal("overhalla", uplink.Tenant);
        Assert.Equal("smartoverhalla/so-water-lora", uplink.DeviceProfile);
        Assert.Null(uplink.DeviceProfileId);
        Assert.Equal("70B3D5E75E000001", uplink.DevEui);
        Assert.Equal("wm-0001", uplink.NetworkDeviceId);
        Assert.Equal(10, uplink.FCnt);
        Assert.Equal(2, uplink.FPort);

        // ReceivedAt is the Network Server's uplink_message.received_at, not the Application Server's top-level one
        // (.200141865 s, to the 100 ns a DateTimeOffset holds)
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 15, 2, TimeSpan.Zero).AddTicks(2_001_419), uplink.ReceivedAt);
        Assert.Equal(97, uplink.Decoded!.Value.GetProperty("battery").GetInt32());
        Assert.Equal(new RadioQuality(-71, 6.5, 2), uplink.Radio);
    }

    [Fact]
    public void TryParse_TtsWithoutFCnt_IsFrameZero()
    {
        // Given a TTS uplink whose f_cnt is 0 and therefore omitted (the light fixture, as TTS sends frame 0)
        var json = Fixture.Json("tts-up-light.json");
        Assert.False(json["uplink_message"]!.AsObject().ContainsKey("f_cnt"));

        // When it is parsed
        var uplink = Fixture.Uplink(Fixture.TtsLightTopic, json);

        // Then the counter is 0 and the rest is read
        Assert.Equal(0, uplink.FCnt);
        Assert.Equal(3, uplink.FPort);
        Assert.Null(uplink.DeviceProfile);
        Assert.Equal(new RadioQuality(-96, 1.5, 1), uplink.Radio);
    }

    [Fact]
    public void TryParse_TtsWithoutUplinkReceivedAt_FallsBackToTheApplicationServersTime()
    {
        var json = Fixture.Json("tts-up-water.json");
        json["uplink_message"]!.AsObject().Remove("received_at");

        var uplink = Fixture.Uplink(Fixture.TtsWaterTopic, json);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 15, 2, TimeSpan.Zero).AddTicks(2_348_173), uplink.ReceivedAt);
    }

    [Fact]
    public void TryParse_ChirpStackFCntZeroAndStringCounters_AreRead()
    {
        // Given ChirpStack's emit_fields output for frame 0, and counters written as strings (protobuf JSON's 64-bit form)
        var zero = Fixture.Json("chirpstack-up-water.json");
        zero["fCnt"] = 0;
        var strings = Fixture.Json("chirpstack-up-water.json");
        strings["fCnt"] = "4294967295";
        strings["fPort"] = "2";

        // Then both are numbers
        Assert.Equal(0, Fixture.Uplink(Fixture.ChirpStackWaterTopic, zero).FCnt);
        Assert.Equal(4_294_967_295, Fixture.Uplink(Fixture.ChirpStackWaterTopic, strings).FCnt);
        Assert.Equal(2, Fixture.Uplink(Fixture.ChirpStackWaterTopic, strings).FPort);
    }

    [Fact]
    public void TryParse_ChirpStackWithoutRxInfo_HasNoRadio()
    {
        var json = Fixture.Json("chirpstack-up-water.json");
        json.Remove("rxInfo");

        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, json);

        Assert.Equal(new RadioQuality(null, null, 0), uplink.Radio);
    }

    [Fact]
    public void TryParse_TtsWithoutRxMetadata_HasNoRadio()
    {
        var json = Fixture.Json("tts-up-water.json");
        json["uplink_message"]!.AsObject().Remove("rx_metadata");

        var uplink = Fixture.Uplink(Fixture.TtsWaterTopic, json);

        Assert.Equal(new RadioQuality(null, null, 0), uplink.Radio);
    }

    [Fact]
    public void TryParse_TtsGatewayWithoutRssi_UsesChannelRssi()
    {
        // Given a TTS uplink whose stronger gateway reports only channel_rssi
        var json = Fixture.Json("tts-up-water.json");
        var gateways = json["uplink_message"]!["rx_metadata"]!.AsArray();
        gateways[0]!.AsObject().Remove("rssi");
        gateways[0]!["channel_rssi"] = -64;

        // When it is parsed
        var uplink = Fixture.Uplink(Fixture.TtsWaterTopic, json);

        // Then channel_rssi stands in for it
        Assert.Equal(-64, uplink.Radio.Rssi);
        Assert.Equal(2, uplink.Radio.Gateways);
    }

    [Fact]
    public void TryParse_ChirpStackWithNetworkServerTimes_UsesTheEarliestInsteadOfTheGatewaysClock()
    {
        // Given an uplink whose 'time' is a gateway's clock (20 min fast: no NTP), while ChirpStack's own reception
        // times are in rxInfo[].nsTime
        var json = Fixture.Json("chirpstack-up-water.json");
        json["time"] = "2026-12-07T10:35:02.000Z";
        var gateways = json["rxInfo"]!.AsArray();
        gateways[0]!["nsTime"] = "2026-12-07T10:15:02.250Z";
        gateways[1]!["nsTime"] = "2026-12-07T10:15:02.180Z";
        gateways[2]!["nsTime"] = "2026-12-07T10:15:02.190Z";

        // When it is parsed
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, json);

        // Then the reception time is the network server's earliest
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 15, 2, 180, TimeSpan.Zero), uplink.ReceivedAt);
    }

    [Fact]
    public void TryParse_TtsSimulatedUplink_IsRefusedAsSimulated()
    {
        // Given an uplink made with The Things Stack console's "simulate uplink"
        var json = Fixture.Json("tts-up-water.json");
        json["simulated"] = true;

        // When it is parsed
        var ok = UplinkParser.TryParse(Fixture.Topic(Fixture.TtsWaterTopic), Fixture.Sequence(json), out _, out var problem);

        // Then it is refused: it is not the meter's reading
        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Simulated, problem!.Code);
    }

    [Fact]
    public void TryParse_BothNetworkServers_KeepTheFramePayload()
    {
        var chirp = Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json");
        var tts = Fixture.Uplink(Fixture.TtsWaterTopic, "tts-up-water.json");

        Assert.Equal(Fixture.Json("chirpstack-up-water.json")["data"]!.GetValue<string>(), chirp.FramePayload);
        Assert.Equal(Fixture.Json("tts-up-water.json")["uplink_message"]!["frm_payload"]!.GetValue<string>(), tts.FramePayload);
    }

    [Fact]
    public void TryParse_TtsGatewayHeardOnTwoAntennas_CountsItOnce()
    {
        // Given a TTS uplink whose rx_metadata has one entry per antenna: the second gateway's entry repeated for its other antenna
        var json = Fixture.Json("tts-up-water.json");
        var gateways = json["uplink_message"]!["rx_metadata"]!.AsArray();
        var secondAntenna = gateways[1]!.DeepClone();
        secondAntenna["antenna_index"] = 1;
        gateways.Add(secondAntenna);

        // When it is parsed
        var uplink = Fixture.Uplink(Fixture.TtsWaterTopic, json);

        // Then the gateway count is of gateways, not antennas
        Assert.Equal(3, gateways.Count);
        Assert.Equal(2, uplink.Radio.Gateways);
    }

    [Fact]
    public void TryParse_ChirpStackGatewayWithZeroSnrOmitted_CountsTheGatewayAndKeepsTheOthersSnr()
    {
        // Given a gateway entry without snr (gw.UplinkRxInfo is not built with emit_fields: an SNR of 0 is left out)
        var json = Fixture.Json("chirpstack-up-water.json");
        var gateways = json["rxInfo"]!.AsArray();
        gateways[2]!.AsObject().Remove("snr");

        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, json);

        Assert.Equal(new RadioQuality(-57, 4.0, 3), uplink.Radio);
    }

    [Fact]
    public void TryParse_ChirpStackWithoutObject_HasNoDecodedPayload()
    {
        // Given uplinks of a device profile without codec: 'object' absent, or null
        var absent = Fixture.Json("chirpstack-up-water.json");
        absent.Remove("object");
        var nulled = Fixture.Json("chirpstack-up-water.json");
        nulled["object"] = null;

        // Then they parse, without a decoded payload
        Assert.Null(Fixture.Uplink(Fixture.ChirpStackWaterTopic, absent).Decoded);
        Assert.Null(Fixture.Uplink(Fixture.ChirpStackWaterTopic, nulled).Decoded);
    }

    [Fact]
    public void TryParse_DecodedPayload_OutlivesTheParsedDocument()
    {
        // Given a parsed uplink (the parser disposes its document)
        var uplink = Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json");

        // Then its decoded payload can still be read
        Assert.True(uplink.Decoded!.Value.GetProperty("alarms").GetProperty("leak").GetBoolean());
    }

    public static TheoryData<string, string, string, string> Malformed()
    {
        var data = new TheoryData<string, string, string, string>();
        data.Add(Fixture.ChirpStackWaterTopic, "{\"deviceInfo\":", "$", "not JSON");
        data.Add(Fixture.ChirpStackWaterTopic, "[1,2,3]", "$", "JSON object");
        data.Add(Fixture.ChirpStackWaterTopic, "\"up\"", "$", "JSON object");
        data.Add(Fixture.ChirpStackWaterTopic, "", "$", "not JSON");
        data.Add(Fixture.TtsWaterTopic, "null", "$", "JSON object");
        return data;
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_NotAnObject_IsMalformed(string topic, string payload, string field, string message)
    {
        var ok = UplinkParser.TryParse(Fixture.Topic(topic), Fixture.Sequence(payload), out var uplink, out var problem);

        Assert.False(ok);
        Assert.Null(uplink);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deviceInfo", "deviceInfo")]
    [InlineData("deviceInfo.devEui", "deviceInfo.devEui")]
    [InlineData("time", "time")]
    public void TryParse_ChirpStackRequiredFieldMissing_IsMalformedNamingIt(string remove, string field)
    {
        // Given the documented uplink without one required field (for 'time': and without the gateways' nsTime, which
        // is preferred to it)
        var json = Fixture.Json("chirpstack-up-water.json");
        WithoutNetworkServerTimes(json);
        var dot = remove.IndexOf('.', StringComparison.Ordinal);
        (dot < 0 ? json : json[remove[..dot]]!.AsObject()).Remove(dot < 0 ? remove : remove[(dot + 1)..]);

        // When it is parsed
        var (ok, _, problem) = Parse(Fixture.ChirpStackWaterTopic, json);

        // Then the problem names the field
        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal(field, problem.Field);
        Assert.Contains("missing", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deviceInfo", "not an object")]
    [InlineData("time", "yesterday")]
    public void TryParse_ChirpStackFieldOfWrongType_IsMalformed(string field, string value)
    {
        var json = Fixture.Json("chirpstack-up-water.json");
        WithoutNetworkServerTimes(json);
        json[field] = value;

        var (ok, _, problem) = Parse(Fixture.ChirpStackWaterTopic, json);

        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void TryParse_ChirpStackDevEuiNotTheTopics_IsMalformedNamingBoth()
    {
        // Given an uplink whose deviceInfo.devEui differs from the topic's (a publish under another device's topic)
        var json = Fixture.Json("chirpstack-up-water.json");
        json["deviceInfo"]!["devEui"] = "70b3d5e75e000002";

        // When it is parsed
        var (ok, _, problem) = Parse(Fixture.ChirpStackWaterTopic, json);

        // Then it is refused, and the message names both DevEUIs
        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal("deviceInfo.devEui", problem.Field);
        Assert.Contains("70B3D5E75E000002", problem.Message, StringComparison.Ordinal);
        Assert.Contains("70b3d5e75e000001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ChirpStackDevEuiInOtherCase_IsTheSameDevice()
    {
        var json = Fixture.Json("chirpstack-up-water.json");
        json["deviceInfo"]!["devEui"] = "70B3D5E75E000001";

        Assert.Equal("70B3D5E75E000001", Fixture.Uplink(Fixture.ChirpStackWaterTopic, json).DevEui);
    }

    [Fact]
    public void TryParse_TtsDeviceIdNotTheTopics_IsMalformed()
    {
        var json = Fixture.Json("tts-up-water.json");
        json["end_device_ids"]!["device_id"] = "wm-0002";

        var (ok, _, problem) = Parse(Fixture.TtsWaterTopic, json);

        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal("end_device_ids.device_id", problem.Field);
        Assert.Contains("wm-0001", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end_device_ids", "end_device_ids")]
    [InlineData("end_device_ids.dev_eui", "end_device_ids.dev_eui")]
    [InlineData("uplink_message", "uplink_message")]
    public void TryParse_TtsRequiredFieldMissing_IsMalformedNamingIt(string remove, string field)
    {
        var json = Fixture.Json("tts-up-water.json");
        var dot = remove.IndexOf('.', StringComparison.Ordinal);
        (dot < 0 ? json : json[remove[..dot]]!.AsObject()).Remove(dot < 0 ? remove : remove[(dot + 1)..]);

        var (ok, _, problem) = Parse(Fixture.TtsWaterTopic, json);

        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void TryParse_TtsWithoutAnyReceivedAt_IsMalformed()
    {
        var json = Fixture.Json("tts-up-water.json");
        json.Remove("received_at");
        json["uplink_message"]!.AsObject().Remove("received_at");

        var (ok, _, problem) = Parse(Fixture.TtsWaterTopic, json);

        Assert.False(ok);
        Assert.Equal("uplink_message.received_at", problem!.Field);
        Assert.Equal(LoRaWanReasons.Malformed, problem.Code);
    }

    [Fact]
    public void TryParse_TooDeepJson_IsMalformedWithoutThrowing()
    {
        // Given a decoded object nested 100 levels deep (hostile)
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        var json = Fixture.Json("chirpstack-up-water.json");
        json["object"] = JsonNode.Parse(deep, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 200 });
        var text = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 200 });

        // When it is parsed
        var ok = UplinkParser.TryParse(Fixture.Topic(Fixture.ChirpStackWaterTopic), Fixture.Sequence(text), out _, out var problem);

        // Then it is refused as malformed
        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Equal("$", problem.Field);
    }

    [Fact]
    public void TryParse_NotAnUplinkTopic_IsMalformed()
    {
        var ok = UplinkParser.TryParse(Fixture.Topic(Fixture.ChirpStackLightAckTopic), Fixture.Sequence(Fixture.Bytes("chirpstack-ack.json")), out _, out var problem);

        Assert.False(ok);
        Assert.Equal("$topic", problem!.Field);
        Assert.Equal(LoRaWanReasons.Malformed, problem.Code);
    }

    [Fact]
    public void TryParse_InvalidUtf8InAString_IsMalformedInsteadOfThrowing()
    {
        // Given a payload with a byte that is not UTF-8 inside a string (JsonDocument accepts it and throws
        // InvalidOperationException only when the string is read; the parser threw before the fix)
        var bytes = Encoding.UTF8.GetBytes("{\"deviceInfo\":{\"devEui\":\"70b3d5e75e000001\"},\"time\":\"x\"}");
        bytes[27] = 0xFF;

        var ok = UplinkParser.TryParse(Fixture.Topic(Fixture.ChirpStackWaterTopic), Fixture.Sequence(bytes), out _, out var problem);

        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidUtf8SplitOverSegments_IsMalformed()
    {
        // Given the same bad byte in a payload that arrives in two segments
        var bytes = Encoding.UTF8.GetBytes("{\"deviceInfo\":{\"devEui\":\"70b3d5e75e000001\"},\"time\":\"x\"}");
        bytes[27] = 0xFF;
        var first = new Segment(bytes.AsMemory(0, 20));
        var last = first.Append(bytes.AsMemory(20));

        var ok = UplinkParser.TryParse(Fixture.Topic(Fixture.ChirpStackWaterTopic), new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), out _, out var problem);

        Assert.False(ok);
        Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
    }

    [Fact]
    public void TryParse_DocumentedUplinkInTwoSegments_IsRead()
    {
        var bytes = Fixture.Bytes("tts-up-water.json");
        var first = new Segment(bytes.AsMemory(0, 100));
        var last = first.Append(bytes.AsMemory(100));

        var ok = UplinkParser.TryParse(Fixture.Topic(Fixture.TtsWaterTopic), new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), out var uplink, out _);

        Assert.True(ok);
        Assert.Equal("70B3D5E75E000001", uplink!.DevEui);
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }

    [Theory]
    [InlineData("chirpstack-up-water.json", Fixture.ChirpStackWaterTopic)]
    [InlineData("chirpstack-up-light.json", Fixture.ChirpStackLightTopic)]
    [InlineData("tts-up-water.json", Fixture.TtsWaterTopic)]
    [InlineData("tts-up-light.json", Fixture.TtsLightTopic)]
    public void TryParse_TruncatedOrCorruptedFixtures_NeverThrowsAndAlwaysExplains(string fixture, string topic)
    {
        // Given every truncation of a documented uplink, and 500 random corruptions of it (fixed seed: repeatable)
        var bytes = Fixture.Bytes(fixture);
        var parsedTopic = Fixture.Topic(topic);
        var random = new Random(20261207);
        var cases = Enumerable.Range(0, bytes.Length).Select(length => bytes[..length]).ToList();
        for (var i = 0; i < 500; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
            }

            cases.Add(corrupted);
        }

        // When each is parsed
        // Then none throws, and each result is either an uplink or a problem with a reason and a message
        foreach (var payload in cases)
        {
            var ok = UplinkParser.TryParse(parsedTopic, Fixture.Sequence(payload), out var uplink, out var problem);
            if (ok)
            {
                Assert.NotNull(uplink);
                Assert.Matches("^[0-9A-F]{16}$", uplink.DevEui);
            }
            else
            {
                Assert.Equal(LoRaWanReasons.Malformed, problem!.Code);
                Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            }
        }
    }

    /// <summary>ChirpStack without rxInfo[].nsTime (a version or gateway path that does not set it): 'time' is then read.</summary>
    private static void WithoutNetworkServerTimes(JsonObject json)
    {
        foreach (var gateway in json["rxInfo"]!.AsArray())
        {
            gateway!.AsObject().Remove("nsTime");
        }
    }
}
