using System.Text.Json;

namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>Reads <see cref="RadioQuality"/> from a network server's per-gateway reception list.</summary>
internal static class RadioMetadata
{
    /// <param name="gateways">ChirpStack <c>rxInfo</c> or TTS <c>rx_metadata</c>.</param>
    /// <param name="rssiField">The field with the RSSI.</param>
    /// <param name="fallbackRssiField">Read when <paramref name="rssiField"/> is absent (TTS <c>channel_rssi</c>).</param>
    /// <param name="gatewayId">Reads an entry's gateway id: TTS lists one entry per antenna, so a gateway is counted once.</param>
    public static RadioQuality Read(JsonElement? gateways, string rssiField, string? fallbackRssiField, Func<JsonElement, string?> gatewayId)
    {
        if (gateways is not { } list)
        {
            return new RadioQuality(null, null, 0);
        }

        double? rssi = null;
        double? snr = null;
        var unnamed = 0;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gateway in list.EnumerateArray())
        {
            if (gatewayId(gateway) is { Length: > 0 } id)
            {
                named.Add(id);
            }
            else
            {
                unnamed++;
            }

            var heard = JsonFields.Number(gateway, rssiField) ?? (fallbackRssiField is null ? null : JsonFields.Number(gateway, fallbackRssiField));
            if (heard is { } r)
            {
                rssi = Math.Max(rssi ?? double.MinValue, r);
            }

            if (JsonFields.Number(gateway, "snr") is { } s)
            {
                snr = Math.Max(snr ?? double.MinValue, s);
            }
        }

        return new RadioQuality(rssi, snr, named.Count + unnamed);
    }
}
