using System.Diagnostics.CodeAnalysis;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>The device registry's DevEUIs, as lighting control needs them.</summary>
internal interface ILoRaWanRegistry
{
    /// <param name="devEui">16 upper-case hex digits.</param>
    bool TryFindByDevEui(string devEui, [NotNullWhen(true)] out LoRaWanIdentity? identity);

    /// <summary>The DevEUI of a street light that reaches the platform through a network server; false for one that speaks MQTT itself.</summary>
    bool TryFindLight(string municipality, string lightId, [NotNullWhen(true)] out LoRaWanIdentity? identity);
}
