namespace SmartOverhalla.Contracts.Catalog;

/// <summary>Whether and how a payload field is written to InfluxDB (README, "Time-series schema").</summary>
internal enum FieldStorage
{
    /// <summary>
    /// Not written: the envelope (<c>deviceId</c> becomes tag <c>device</c> from the topic, <c>ts</c> the timestamp),
    /// fields the platform stores in another form, and commands.
    /// </summary>
    None,

    /// <summary>
    /// A field named as in the payload, of the InfluxDB type its JSON type maps to (integer, float, boolean, string);
    /// left out when the message leaves the field out or sends an empty text.
    /// </summary>
    Field,

    /// <summary>As <see cref="Field"/>, but written as an empty string when absent, so every point has it.</summary>
    FieldEmptyWhenAbsent,

    /// <summary>A tag named as in the payload (for low-cardinality text that queries group by).</summary>
    Tag,
}
