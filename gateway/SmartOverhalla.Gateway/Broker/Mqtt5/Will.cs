using MQTTnet;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>A connection's will (MQTT 5.0 §3.1.2.5): the message and how long after the connection ends it is published.</summary>
internal sealed record Will(MqttApplicationMessage Message, TimeSpan Delay);
