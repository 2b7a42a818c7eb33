using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Tests;

/// <summary>
/// The JSON files under Fixtures/ (copied to the output folder), as the network servers' documentation shows them;
/// each test class that reads one names the page it follows. Variants are made by editing a parsed copy, so a
/// test shows exactly what differs from the documented shape.
/// </summary>
internal static class Fixture
{
    public const string ChirpStackWaterTopic = "application/0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11/device/70b3d5e75e000001/event/up";
    public const string ChirpStackLightTopic = "application/5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33/device/70b3d5e75e0000a2/event/up";
    public const string ChirpStackLightAckTopic = "application/5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33/device/70b3d5e75e0000a2/event/ack";
    public const string TtsWaterTopic = "v3/overhalla-vann@overhalla/devices/wm-0001/up";
    public const string TtsLightTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/up";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static JsonObject Json(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    public static ReadOnlySequence<byte> Sequence(byte[] bytes) => new(bytes);

    public static ReadOnlySequence<byte> Sequence(JsonNode node) => new(Encoding.UTF8.GetBytes(node.ToJsonString()));

    public static ReadOnlySequence<byte> Sequence(string text) => new(Encoding.UTF8.GetBytes(text));

    public static NetworkTopic Topic(string topic) =>
        NetworkTopics.TryParse(topic, out var parsed) ? parsed : throw new InvalidOperationException($"test topic '{topic}' does not parse");

    /// <summary>Parses a fixture (or an edited copy) that the test expects to be a valid uplink.</summary>
    public static NetworkUplink Uplink(string topic, JsonNode json)
    {
        var parsed = UplinkParser.TryParse(Topic(topic), Sequence(json), out var uplink, out var problem);
        Assert.True(parsed, problem?.ToString());
        return uplink!;
    }

    public static NetworkUplink Uplink(string topic, string fixture) => Uplink(topic, Json(fixture));
}
