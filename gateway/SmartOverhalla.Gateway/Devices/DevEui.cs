namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// A LoRaWAN device's DevEUI (its IEEE EUI-64): exactly 16 hex digits, kept upper-case, compared case-insensitively
/// (ChirpStack writes it lower-case, The Things Stack upper-case). All zeros
/// and all ones are refused: neither is ever assigned to a device, and both turn up as placeholders in copied
/// configuration.
/// </summary>
internal static class DevEui
{
    public const int Length = 16;

    public const string Rule = "must be 16 hex digits (the device's EUI-64), not 0000000000000000 or FFFFFFFFFFFFFFFF";

    /// <summary>Matches DevEUIs whatever their case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>True when <paramref name="text"/> is a valid DevEUI; <paramref name="devEui"/> is then its upper-case form.</summary>
    public static bool TryNormalize(string? text, out string devEui)
    {
        // The format is the LoRaWAN library's (the same the worker reads uplinks with); the registry adds the placeholders.
        if (SmartOverhalla.LoRaWan.DevEui.TryNormalize(text, out var upper) && upper is not ("0000000000000000" or "FFFFFFFFFFFFFFFF"))
        {
            devEui = upper;
            return true;
        }

        devEui = string.Empty;
        return false;
    }
}
