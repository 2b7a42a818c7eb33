using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.LoRaWan.Topics;

namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>
/// Reads an uplink of either network server (<see cref="ChirpStackUplinkReader"/>, <see cref="TtsUplinkReader"/>)
/// from its topic and JSON. Never throws on any payload: what cannot be read is a problem with a reason.
/// </summary>
public static class UplinkParser
{
    /// <summary>Deep enough for any network server's uplink and a codec's object; deeper is refused as hostile.</summary>
    private const int MaxDepth = 32;

    public static bool TryParse(
        NetworkTopic topic,
        ReadOnlySequence<byte> payload,
        [NotNullWhen(true)] out NetworkUplink? uplink,
        [NotNullWhen(false)] out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(topic);
        uplink = null;
        if (topic.Event != NetworkEvent.Uplink)
        {
            problem = new ValidationProblem("$topic", LoRaWanReasons.Malformed, "the topic does not carry an uplink");
            return false;
        }

        if (!JsonFields.IsUtf8(payload))
        {
            problem = new ValidationProblem("$", LoRaWanReasons.Malformed, "not UTF-8 text");
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            problem = new ValidationProblem("$", LoRaWanReasons.Malformed, $"not JSON: {ex.Message}");
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = new ValidationProblem("$", LoRaWanReasons.Malformed, "must be a JSON object");
                return false;
            }

            return topic.Network == LoRaWanNetwork.ChirpStack
                ? ChirpStackUplinkReader.TryRead(topic, root, out uplink, out problem)
                : TtsUplinkReader.TryRead(topic, root, out uplink, out problem);
        }
    }

    internal static ValidationProblem Missing(string field, string what) =>
        new(field, LoRaWanReasons.Malformed, $"{what} is missing or not of the documented type");

    /// <summary>A copy of the codec's output that outlives the document, or null when there is none.</summary>
    internal static JsonElement? Decoded(JsonElement? decoded) =>
        decoded is { ValueKind: JsonValueKind.Object } value ? value.Clone() : null;
}
