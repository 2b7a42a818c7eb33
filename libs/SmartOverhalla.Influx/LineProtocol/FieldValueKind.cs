namespace SmartOverhalla.Influx;

/// <summary>The four field types of InfluxDB 1.x line protocol ("Data types" in the line protocol reference).</summary>
public enum FieldValueKind
{
    /// <summary>64-bit signed integer, written with the <c>i</c> suffix.</summary>
    Integer,

    /// <summary>64-bit IEEE-754 float, written in shortest round-trip form.</summary>
    Float,

    /// <summary>Boolean, written as <c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>UTF-8 string, written double-quoted.</summary>
    String,
}
