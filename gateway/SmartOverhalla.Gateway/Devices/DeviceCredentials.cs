namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// A device with its new secret: returned once, by the request that made the secret; the gateway keeps only the hash.
/// A LoRaWAN device gets neither user name nor secret (both null): it reaches the platform through its network server
/// and cannot log in to the broker, which <see cref="MqttLogin"/> says in so many words.
/// </summary>
internal sealed record DeviceCredentials(DeviceView Device, string? Username, string? Secret)
{
    /// <summary>False for a LoRaWAN device: no MQTT secret, no broker login.</summary>
    public bool MqttLogin => Secret is not null;
}
