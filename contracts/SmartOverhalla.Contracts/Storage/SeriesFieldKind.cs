namespace SmartOverhalla.Contracts.Storage;

/// <summary>How a <see cref="SeriesField"/> is written: as a tag, or as a field of one of InfluxDB's four field types.</summary>
public enum SeriesFieldKind
{
    /// <summary>A tag (indexed, always text): low-cardinality values that queries group by, e.g. an event's <c>type</c>.</summary>
    Tag,

    /// <summary>A 64-bit integer field (<c>40i</c>), from a JSON integer such as <c>dimLevel</c>.</summary>
    Integer,

    /// <summary>A float field, from a JSON number such as <c>powerW</c>.</summary>
    Float,

    /// <summary>A boolean field.</summary>
    Boolean,

    /// <summary>A string field, from a JSON string or enumeration such as <c>spreading</c>.</summary>
    String,
}
