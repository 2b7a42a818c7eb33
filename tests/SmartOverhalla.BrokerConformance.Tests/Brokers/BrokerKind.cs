namespace SmartOverhalla.BrokerConformance.Tests.Brokers;

/// <summary>The brokers every conformance test runs against.</summary>
public enum BrokerKind
{
    /// <summary>The gateway's MQTTnet broker, in Development with anonymous clients allowed.</summary>
    Embedded,

    /// <summary>A real Mosquitto 2 started by the fixture: the reference.</summary>
    Mosquitto,
}
