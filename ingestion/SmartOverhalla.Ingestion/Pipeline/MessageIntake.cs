using System.Buffers;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// What the receive handler does with one message: validate, count it against its device's budget, map to a
/// point or to a reject. Pure and fast; never throws on any input.
/// </summary>
public sealed class MessageIntake(
    MessageValidator validator,
    DeviceOnlineTracker onlineTracker,
    IngestionMetrics metrics,
    DeviceFloodGuard floodGuard,
    TimeProvider timeProvider)
{
    /// <summary>Reject reason of a message its device sent over its budget (<see cref="FloodAction.DeadLetter"/>).</summary>
    public const string RateLimitedReason = "rate-limited";

    public IngestItem Accept(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt)
    {
        metrics.MessageReceived();
        var result = validator.Validate(topic, payload);

        // Every message that names a device counts against its budget, valid or not: a device flooding garbage
        // costs as much as one flooding telemetry.
        var withinBudget = result.Topic is not { } named || floodGuard.Observe(named);
        if (result is { IsValid: true, Topic: { } deviceTopic, Message: { } message })
        {
            if (!withinBudget && floodGuard.Action == FloodAction.DeadLetter)
            {
                return Refuse(topic, payload, receipt, [RateLimited()]);
            }

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

    internal static ValidationProblem RateLimited() => new(
        "$device",
        RateLimitedReason,
        "the device sent more messages than its budget allows; this one is kept here with its payload instead of in the device's series");

    private IngestItem Refuse(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt, IReadOnlyList<ValidationProblem> problems)
    {
        return IngestItem.Refused(receipt, RejectedMessage.Of(topic, payload, timeProvider.GetUtcNow(), problems));
    }
}
