using System.Diagnostics.CodeAnalysis;

namespace SmartOverhalla.LoRaWan;

/// <summary>
/// A device's EUI-64 as the platform keeps it: 16 upper-case hex digits. ChirpStack writes it lower-case, TTS
/// upper-case; both mean the same device.
/// </summary>
public static class DevEui
{
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? devEui)
    {
        devEui = null;
        if (text is not { Length: 16 } || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        devEui = text.ToUpperInvariant();
        return true;
    }
}
