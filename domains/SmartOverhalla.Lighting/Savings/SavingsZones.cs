namespace SmartOverhalla.Lighting.Savings;

/// <summary>Zone names of the savings series beyond the zones file's ids.</summary>
public static class SavingsZones
{
    /// <summary>The zone of lights no zone claims; a zone id can never look like it (ids start with a letter).</summary>
    public const string Unzoned = "_unzoned";
}
