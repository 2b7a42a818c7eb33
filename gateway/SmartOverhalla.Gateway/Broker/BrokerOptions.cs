using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>Configuration section <c>Broker</c>: which broker the platform uses and how to reach or host it.</summary>
internal sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    /// <summary><see cref="BrokerMode.Embedded"/> (default) or <see cref="BrokerMode.External"/>.</summary>
    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Section <c>Broker:Embedded</c>: used when <see cref="Mode"/> is <see cref="BrokerMode.Embedded"/>.</summary>
    public EmbeddedBrokerOptions Embedded { get; set; } = new();

    /// <summary>Section <c>Broker:External</c>: used when <see cref="Mode"/> is <see cref="BrokerMode.External"/>.</summary>
    public MqttConnectionOptions External { get; set; } = new();

    /// <summary>Section <c>Broker:Accounts</c>: the platform services' own MQTT logins.</summary>
    public BrokerAccountsOptions Accounts { get; set; } = new();
}
