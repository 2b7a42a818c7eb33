using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Translation;

/// <summary>
/// Turns an uplink into its device's contract telemetry by its profile's field rules. The result is contract JSON,
/// which then goes through the same validator as every device message, so a mapped value out of the contract's range
/// is rejected with the contract's own reason.
/// </summary>
public static class UplinkTranslator
{
    public static bool TryTranslate(
        NetworkUplink uplink,
        UplinkProfile profile,
        [NotNullWhen(true)] out TranslatedUplink? translated,
        [NotNullWhen(false)] out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        ArgumentNullException.ThrowIfNull(profile);
        translated = null;
        if (uplink.Decoded is not { } decoded)
        {
            problem = new ValidationProblem(
                uplink.Network == LoRaWanNetwork.ChirpStack ? "object" : "uplink_message.decoded_payload",
                LoRaWanReasons.NotDecoded,
                $"the uplink has no decoded payload; profile '{profile.Name}' needs the network server's payload codec for the device");
            return false;
        }

        if (!TryTimestamp(uplink, profile, decoded, out var ts, out problem))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ts", ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            string? openObject = null;
            foreach (var rule in profile.Fields)
            {
                var (parent, name) = Split(rule.Target.Path);
                if (parent != openObject)
                {
                    if (openObject is not null)
                    {
                        writer.WriteEndObject();
                    }

                    if (parent is not null)
                    {
                        writer.WriteStartObject(parent);
                    }

                    openObject = parent;
                }

                writer.WritePropertyName(name);
                if (!TryWriteValue(writer, rule, decoded, profile, out problem))
                {
                    return false;
                }
            }

            if (openObject is not null)
            {
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        translated = new TranslatedUplink(buffer.WrittenSpan.ToArray(), ts);
        problem = null;
        return true;
    }

    private static bool TryTimestamp(NetworkUplink uplink, UplinkProfile profile, JsonElement decoded, out DateTimeOffset ts, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        problem = null;
        ts = uplink.ReceivedAt;
        if (profile.TimestampFrom is not { } path)
        {
            return true;
        }

        switch (DecodedValues.Find(decoded, path))
        {
            case null:
                // A device that sometimes leaves its clock out still has the network server's reception time.
                return true;
            case { ValueKind: JsonValueKind.String } text
                when DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed):
                ts = parsed;
                return true;
            // Whole seconds, also when written as 1796638470.0: ChirpStack's 'object' is a protobuf Struct, whose numbers
            // are doubles and come out with '.0' (chirpstack/chirpstack issue #77).
            case { ValueKind: JsonValueKind.Number } number
                when number.TryGetDouble(out var seconds) && seconds is > 0 and < 253_402_300_800 && seconds == Math.Floor(seconds):
                ts = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
                return true;
            default:
                problem = new ValidationProblem(path, LoRaWanReasons.FieldInvalid, $"decoded field '{path}' (for ts) must be RFC 3339 text or Unix seconds");
                return false;
        }
    }

    private static bool TryWriteValue(Utf8JsonWriter writer, FieldRule rule, JsonElement decoded, UplinkProfile profile, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        problem = null;
        if (rule.ConstantJson is { } constant)
        {
            writer.WriteRawValue(constant, skipInputValidation: true);
            return true;
        }

        var path = rule.From!;
        if (DecodedValues.Find(decoded, path) is not { } value)
        {
            if (rule.DefaultJson is { } fallback)
            {
                writer.WriteRawValue(fallback, skipInputValidation: true);
                return true;
            }

            problem = new ValidationProblem(path, LoRaWanReasons.FieldMissing, $"decoded field '{path}' (for {rule.Target.Path}) is absent; profile '{profile.Name}' needs it");
            return false;
        }

        switch (rule.Target.Shape)
        {
            case ContractFieldShape.Number or ContractFieldShape.Integer when TryNumber(value, out var raw):
                var scaled = (raw * rule.Scale) + rule.Offset;
                if (!double.IsFinite(scaled))
                {
                    break;
                }

                // A whole-number field gets the nearest whole number of the scaled value (e.g. a level sent as 70.0).
                if (rule.Target.Shape == ContractFieldShape.Integer)
                {
                    var rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);
                    if (rounded is < long.MinValue or > long.MaxValue)
                    {
                        break;
                    }

                    writer.WriteNumberValue((long)rounded);
                }
                else
                {
                    writer.WriteNumberValue(scaled);
                }

                return true;
            case ContractFieldShape.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                writer.WriteBooleanValue(value.GetBoolean());
                return true;
            case ContractFieldShape.Boolean when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var flag) && flag is 0 or 1:
                // Codecs often report flags as 0/1; ChirpStack writes them as 0.0/1.0 (its 'object' numbers are doubles).
                writer.WriteBooleanValue(flag == 1);
                return true;
            case ContractFieldShape.String or ContractFieldShape.DateTime when value.ValueKind == JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                return true;
        }

        problem = new ValidationProblem(path, LoRaWanReasons.FieldInvalid, $"decoded field '{path}' (for {rule.Target.Path}) is {Describe(value)}, not {rule.Target.Shape.ToString().ToLowerInvariant()}");
        return false;
    }

    /// <summary>A JSON number, or text holding one in invariant form (codecs that format with toFixed() send "123.456").</summary>
    private static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number out of range",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static (string? Parent, string Name) Split(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? (null, path) : (path[..dot], path[(dot + 1)..]);
    }
}
