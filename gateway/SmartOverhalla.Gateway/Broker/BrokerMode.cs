namespace SmartOverhalla.Gateway.Broker;

/// <summary>Where the MQTT broker that devices talk to lives.</summary>
internal enum BrokerMode
{
    /// <summary>The gateway hosts an MQTTnet broker in its own process: the zero-install single-node default (design.md, Scale).</summary>
    Embedded,

    /// <summary>A broker outside the gateway (Mosquitto, or a cluster for scale-out with shared subscriptions).</summary>
    External,
}
