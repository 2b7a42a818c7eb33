namespace SmartOverhalla.Contracts.Validation;

/// <summary>
/// Stable, low-cardinality codes for why a message was rejected. They become the <c>reason</c> tag of
/// the rejects series and the dead-letter record, so never rename one.
/// </summary>
public static class RejectReasons
{
    public const string TopicInvalid = "topic-invalid";
    public const string MessageTypeNotIngested = "message-type-not-ingested";
    public const string PayloadTooLarge = "payload-too-large";
    public const string PayloadEmpty = "payload-empty";
    public const string EncodingInvalid = "encoding-invalid";
    public const string JsonMalformed = "json-malformed";
    public const string JsonTooDeep = "json-too-deep";
    public const string FieldMissing = "field-missing";
    public const string FieldType = "field-type";
    public const string FieldRange = "field-range";
    public const string FieldUnknownValue = "field-unknown-value";
    public const string TimestampInFuture = "ts-in-future";
    public const string TimestampTooOld = "ts-too-old";
    public const string DeviceMismatch = "device-mismatch";
    public const string StorageRejected = "storage-rejected";
}
