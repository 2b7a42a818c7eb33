using MQTTnet;
using SmartOverhalla.Ingestion.Pipeline;

namespace SmartOverhalla.Ingestion.Mqtt;

/// <summary>Sends the PUBACK for one message that MQTTnet handed over with automatic acknowledgement off.</summary>
internal sealed class MqttDeliveryReceipt(MqttApplicationMessageReceivedEventArgs delivery) : IDeliveryReceipt
{
    public Task AcknowledgeAsync(CancellationToken cancellationToken) => delivery.AcknowledgeAsync(cancellationToken);
}
