namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>Which network server the simulated LoRaWAN devices go through (<c>Simulators:LoRaWan:Network</c>).</summary>
internal enum LoRaWanMode
{
    ChirpStack,
    Tts,

    /// <summary>ChirpStack and TTS by turns, by the device's index among the LoRaWAN devices of its kind.</summary>
    Mixed,
}
