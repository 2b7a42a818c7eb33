namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>The network server one simulated LoRaWAN device is registered on.</summary>
internal enum LoRaWanNetwork
{
    /// <summary>ChirpStack v4, MQTT integration with the JSON marshaler.</summary>
    ChirpStack,

    /// <summary>The Things Stack v3, MQTT server or Pub/Sub integration.</summary>
    Tts,
}
