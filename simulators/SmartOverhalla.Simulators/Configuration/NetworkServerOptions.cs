namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// The broker account of the simulated LoRaWAN network server's MQTT integration (section
/// <c>Simulators:NetworkServer</c>): the broker's service account <c>Broker:Accounts:NetworkServer</c>, allowed to
/// publish the integration's event topics and to subscribe to the downlink topics. Used only with
/// <see cref="LoRaWanOptions.Network"/>.
/// </summary>
public sealed class NetworkServerOptions
{
    public const string DefaultUsername = "network-server";

    /// <summary>User name of the network server's login.</summary>
    public string Username { get; set; } = DefaultUsername;

    /// <summary>
    /// Its password, from the environment only (<c>Simulators__NetworkServer__Password</c>). May be empty in Development
    /// against a broker that admits anonymous clients; elsewhere the secrets check refuses an empty or placeholder one.
    /// </summary>
    public string? Password { get; set; }
}
