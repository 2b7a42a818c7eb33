using System.Globalization;

namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>
/// A draft text in plain bokmål (klarspråk: what happened, what it means for you, what we do) for a burst or a leak in a
/// district; the operator edits it before approval. Short enough for two SMS.
/// </summary>
internal static class NoticeTemplate
{
    public static string For(string kind, string municipality, string district)
    {
        var sender = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(municipality.Replace('-', ' '));
        return kind == "leak"
            ? $"Vi har funnet en mulig vannlekkasje i område {district}. Du kan merke lavt trykk eller misfarget vann. Vi jobber med å finne og rette feilen. Hilsen {sender} kommune"
            : $"Det er brudd på en vannledning i område {district}. Vannet kan bli borte eller ha lavt trykk til feilen er rettet. Vi jobber med saken og varsler når vannet er tilbake. Hilsen {sender} kommune";
    }
}
