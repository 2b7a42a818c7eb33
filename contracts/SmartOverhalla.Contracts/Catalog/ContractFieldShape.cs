namespace SmartOverhalla.Contracts.Catalog;

/// <summary>The JSON shape of a contract field, as seen from outside the catalogue.</summary>
public enum ContractFieldShape
{
    /// <summary>A JSON string (free text, or one of <see cref="ContractField.AllowedValues"/>).</summary>
    String,

    /// <summary>A whole JSON number.</summary>
    Integer,

    /// <summary>Any finite JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An RFC 3339 date-time with an offset.</summary>
    DateTime,
}
