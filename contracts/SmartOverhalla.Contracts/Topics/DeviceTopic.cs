using System.Buffers;

namespace SmartOverhalla.Contracts.Topics;

/// <summary>
/// One device topic: <c>smartcity/v1/{municipality}/{kind}/{deviceId}/{message}</c>.
/// Identifiers are restricted so that they are safe as MQTT topic levels, InfluxDB tag values and
/// file names alike: a hostile id is refused here, before it reaches any of them.
/// </summary>
public readonly record struct DeviceTopic(string Municipality, DeviceKind Kind, string DeviceId, MessageType Message)
{
    /// <summary>Longest device id accepted.</summary>
    public const int MaxDeviceIdLength = 64;

    /// <summary>Longest municipality slug accepted.</summary>
    public const int MaxMunicipalityLength = 40;

    private static readonly SearchValues<char> DeviceIdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    private static readonly SearchValues<char> SlugChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public override string ToString() =>
        $"{TopicNames.Root}/{Municipality}/{TopicNames.Of(Kind)}/{DeviceId}/{TopicNames.Of(Message)}";

    /// <summary>The same device's topic for another message type.</summary>
    public DeviceTopic With(MessageType message) => this with { Message = message };

    /// <summary>A device id is 1–64 characters of ASCII letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static bool IsValidDeviceId(ReadOnlySpan<char> id) =>
        id.Length is > 0 and <= MaxDeviceIdLength
        && !id.ContainsAnyExcept(DeviceIdChars)
        && char.IsAsciiLetterOrDigit(id[0]);

    /// <summary>A municipality slug is 2–40 characters of lower-case ASCII letters, digits and '-', starting with a letter.</summary>
    public static bool IsValidMunicipality(ReadOnlySpan<char> slug) =>
        slug.Length is >= 2 and <= MaxMunicipalityLength
        && !slug.ContainsAnyExcept(SlugChars)
        && char.IsAsciiLetterLower(slug[0]);

    /// <summary>Parses a topic; on failure <paramref name="error"/> says precisely why.</summary>
    public static bool TryParse(string? topic, out DeviceTopic result, out string? error)
    {
        result = default;
        if (string.IsNullOrEmpty(topic))
        {
            error = "topic is empty";
            return false;
        }

        var levels = topic.Split('/');
        if (levels.Length != 6 || levels[0] != "smartcity" || levels[1] != "v1")
        {
            error = $"topic must have the form {TopicNames.Root}/{{municipality}}/{{kind}}/{{deviceId}}/{{message}}";
            return false;
        }

        if (!IsValidMunicipality(levels[2]))
        {
            error = "municipality must be 2-40 lower-case letters, digits or '-', starting with a letter";
            return false;
        }

        if (!TopicNames.TryParseKind(levels[3], out var kind))
        {
            error = "kind must be one of streetlight, watermeter, plough";
            return false;
        }

        if (!IsValidDeviceId(levels[4]))
        {
            error = "deviceId must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit";
            return false;
        }

        if (!TopicNames.TryParseMessage(levels[5], out var message))
        {
            error = "message must be one of telemetry, event, status, cmd, ack";
            return false;
        }

        result = new DeviceTopic(levels[2], kind, levels[4], message);
        error = null;
        return true;
    }
}
