using System.Buffers;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// What the receive handler does with one message: validate, map to a point or to a reject. Pure and
/// fast; never throws on any input.
/// </summary>
public sealed class MessageIntake(MessageValidator validator, DeviceOnlineTracker onlineTracker, IngestionMetrics metrics, TimeProvider timeProvider)
{
    public IngestItem Accept(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt)
    {
        metrics.MessageReceived();
        var result = validator.Validate(topic, payload);
        if (result is { IsValid: true, Topic: { } deviceTopic, Message: { } message })
        {
            try
            {
                var point = PointMapper.Map(deviceTopic, message);
                if (message is DeviceStatus status)
                {
                    point.Timestamp(onlineTracker.Observe(deviceTopic, status, timeProvider.GetUtcNow()));
                }

                return IngestItem.Accepted(receipt, point);
            }
            catch (ArgumentException ex)
            {
                // The contract allowed it but line protocol cannot carry it (e.g. a timestamp past 2262).
                return Refuse(topic, payload, receipt, [new ValidationProblem("$point", RejectReasons.StorageRejected, ex.Message)]);
            }
        }

        return Refuse(topic, payload, receipt, result.Problems);
    }

    private IngestItem Refuse(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt, IReadOnlyList<ValidationProblem> problems)
    {
        var kept = payload.Length > RejectPointFactory.MaxPayloadBytesKept ? payload.Slice(0, RejectPointFactory.MaxPayloadBytesKept) : payload;
        var rejected = new RejectedMessage(topic, kept.ToArray(), payload.Length, timeProvider.GetUtcNow(), problems);
        return IngestItem.Refused(receipt, rejected);
    }
}
