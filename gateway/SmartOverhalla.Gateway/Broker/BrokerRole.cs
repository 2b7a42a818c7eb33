namespace SmartOverhalla.Gateway.Broker;

/// <summary>The kinds of client the broker tells apart; each has fixed rights (<see cref="TopicAccessPolicy"/>).</summary>
internal enum BrokerRole
{
    /// <summary>A registered device: its own telemetry/event/status/ack out, its own cmd in.</summary>
    Device,

    /// <summary>The gateway: commands and LoRaWAN downlinks out, the device tree and the network servers' events in.</summary>
    Gateway,

    /// <summary>The ingestion worker: the device tree and LoRaWAN uplinks in, dead letters out.</summary>
    Ingestion,

    /// <summary>
    /// A LoRaWAN network server's MQTT integration (ChirpStack, The Things Stack): its devices' uplinks and downlink
    /// events out, downlinks in (LoRaWanTopics).
    /// </summary>
    NetworkServer,

    /// <summary>No credentials, admitted only with <c>Broker:Embedded:AllowAnonymous</c> (Development): every right.</summary>
    Anonymous,
}
