namespace SmartOverhalla.Contracts.Catalog;

/// <summary>The JSON shape a contract field must have (the <c>type</c>/<c>format</c> of its JSON schema).</summary>
internal enum FieldType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number written without fraction or exponent, so that it reads into an <see cref="int"/>.</summary>
    Integer,

    /// <summary>Any finite JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A string holding an RFC 3339 date-time with an offset (<c>format: date-time</c>).</summary>
    DateTime,

    /// <summary>A nested JSON object with its own fields.</summary>
    Object,
}
