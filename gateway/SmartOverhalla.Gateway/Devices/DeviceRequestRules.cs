using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>The rules a device's identity must meet, shared by the HTTP API and the fleet file: the device contract's own.</summary>
internal static class DeviceRequestRules
{
    public const int MaxRoleLength = 40;

    public const string KindRule = "must be one of streetlight, watermeter, plough";
    public const string DeviceIdRule = "must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit";
    public const string MunicipalityRule = "must be 2-40 lower-case letters, digits or '-', starting with a letter";
    public const string RoleRule = "must be 1-40 lower-case letters, digits or '-', starting with a letter (e.g. district-inflow)";

    /// <summary>The first problem found, or null when all fields are valid (no DevEUI).</summary>
    public static (string Field, string Message)? Check(string? kindText, string? deviceId, string? municipality, string? role, out DeviceKind kind) =>
        Check(kindText, deviceId, municipality, role, null, out kind, out _);

    /// <summary>
    /// The first problem found, or null when all fields are valid; <paramref name="devEui"/> is then the upper-case
    /// DevEUI, or null when <paramref name="devEuiText"/> is null or empty (not a LoRaWAN device).
    /// </summary>
    public static (string Field, string Message)? Check(
        string? kindText, string? deviceId, string? municipality, string? role, string? devEuiText, out DeviceKind kind, out string? devEui)
    {
        kind = default;
        devEui = null;
        if (kindText is null || !TopicNames.TryParseKind(kindText, out kind))
        {
            return ("kind", KindRule);
        }

        if (deviceId is null || !DeviceTopic.IsValidDeviceId(deviceId))
        {
            return ("deviceId", DeviceIdRule);
        }

        if (municipality is null || !DeviceTopic.IsValidMunicipality(municipality))
        {
            return ("municipality", MunicipalityRule);
        }

        if (!string.IsNullOrEmpty(role) && !IsValidRole(role))
        {
            return ("role", RoleRule);
        }

        if (!string.IsNullOrEmpty(devEuiText))
        {
            if (!DevEui.TryNormalize(devEuiText, out var normalized))
            {
                return ("devEui", DevEui.Rule);
            }

            devEui = normalized;
        }

        return null;
    }

    /// <summary>Same alphabet as a municipality slug, 1-40 long: a role may become a tag value or a topic level later.</summary>
    public static bool IsValidRole(string role) =>
        role.Length is >= 1 and <= MaxRoleLength
        && char.IsAsciiLetterLower(role[0])
        && role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
