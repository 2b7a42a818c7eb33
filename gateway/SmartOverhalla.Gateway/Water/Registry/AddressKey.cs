namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// How two spellings of an address are told to be the same property: trimmed, runs of white space as one space, case
/// ignored ("Sentrumsvegen  12 " is "sentrumsvegen 12").
/// </summary>
internal static class AddressKey
{
    public static string Of(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.Join(' ', address.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }
}
