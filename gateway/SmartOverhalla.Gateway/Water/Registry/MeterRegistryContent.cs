namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>The meter registry file's shape: a version, and every entry, current and retired.</summary>
internal sealed record MeterRegistryContent(int Version, List<MeterEntry> Meters)
{
    public const int CurrentVersion = 1;
}
