namespace SmartOverhalla.Gateway.Broker;

/// <summary>The kinds of client the broker tells apart; each has fixed rights (<see cref="TopicAccessPolicy"/>).</summary>
internal enum BrokerRole
{
    /// <summary>A registered device: its own telemetry/event/status/ack out, its own cmd in.</summary>
    Device,

    /// <summary>The gateway: commands out, the device tree in.</summary>
    Gateway,

    /// <summary>The ingestion worker: the device tree in, dead letters out.</summary>
    Ingestion,

    /// <summary>No credentials, admitted only with <c>Broker:Embedded:AllowAnonymous</c> (Development): every right.</summary>
    Anonymous,
}
