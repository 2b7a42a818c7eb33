namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>Acknowledges one received message to the broker, once it is durably stored (at-least-once).</summary>
public interface IDeliveryReceipt
{
    Task AcknowledgeAsync(CancellationToken cancellationToken);
}
