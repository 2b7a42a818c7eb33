using System.Globalization;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Devices;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>How scenario entries name a household meter (its number or id) and a district (its number or name).</summary>
internal static class ScenarioReferences
{
    /// <summary>The number of the household meter <paramref name="reference"/> names (<c>7</c> or <c>sim-water-0007</c>), when the fleet has it.</summary>
    public static int? Household(string? reference, string prefix, int households)
    {
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var number = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : DeviceIds.TryParseNumber(prefix, DeviceKind.Watermeter, text, out var parsed) ? parsed
            : 0;
        return number >= 1 && number <= households ? number : null;
    }

    /// <summary>The number of the district <paramref name="reference"/> names (<c>2</c> or <c>dma-02</c>), when the network has it.</summary>
    public static int? District(string? reference, int districts)
    {
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith(WaterNetwork.District.NamePrefix, StringComparison.Ordinal))
        {
            text = text[WaterNetwork.District.NamePrefix.Length..];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= districts ? number : null;
    }
}
