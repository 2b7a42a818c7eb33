namespace SmartOverhalla.LoRaWan;

/// <summary>The names the mapping file, logs and stored points use for each <see cref="LoRaWanNetwork"/>.</summary>
public static class LoRaWanNetworkNames
{
    public const string ChirpStack = "chirpstack";
    public const string TheThingsStack = "tts";

    public static string Of(LoRaWanNetwork network) => network == LoRaWanNetwork.ChirpStack ? ChirpStack : TheThingsStack;

    public static bool TryParse(string? name, out LoRaWanNetwork network)
    {
        switch (name)
        {
            case ChirpStack:
                network = LoRaWanNetwork.ChirpStack;
                return true;
            case TheThingsStack:
                network = LoRaWanNetwork.TheThingsStack;
                return true;
            default:
                network = default;
                return false;
        }
    }
}
