using SmartOverhalla.Influx;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// One received message on its way to storage: either the points it maps to, or the reason it was rejected.
/// Its receipt is acknowledged to the broker only after the batch holding it is stored.
/// </summary>
public sealed class IngestItem
{
    private IngestItem(IDeliveryReceipt receipt, PointData? point, RejectedMessage? rejected)
    {
        Receipt = receipt;
        Point = point;
        Rejected = rejected;
    }

    public IDeliveryReceipt Receipt { get; }

    /// <summary>The point of a valid message (every contract message maps to exactly one).</summary>
    public PointData? Point { get; }

    /// <summary>Why the message was refused, when it was.</summary>
    public RejectedMessage? Rejected { get; }

    public static IngestItem Accepted(IDeliveryReceipt receipt, PointData point) =>
        new(receipt ?? throw new ArgumentNullException(nameof(receipt)), point ?? throw new ArgumentNullException(nameof(point)), null);

    public static IngestItem Refused(IDeliveryReceipt receipt, RejectedMessage rejected) =>
        new(receipt ?? throw new ArgumentNullException(nameof(receipt)), null, rejected ?? throw new ArgumentNullException(nameof(rejected)));
}
