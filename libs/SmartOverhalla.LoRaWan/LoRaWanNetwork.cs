namespace SmartOverhalla.LoRaWan;

/// <summary>The LoRaWAN network servers whose MQTT integrations the platform speaks.</summary>
public enum LoRaWanNetwork
{
    /// <summary>ChirpStack v4, MQTT integration with the JSON marshaler.</summary>
    ChirpStack,

    /// <summary>The Things Stack v3 (its MQTT server, or a Pub/Sub integration publishing to our broker).</summary>
    TheThingsStack,
}
