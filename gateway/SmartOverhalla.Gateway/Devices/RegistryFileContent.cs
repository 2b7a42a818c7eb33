namespace SmartOverhalla.Gateway.Devices;

/// <summary>The registry file's shape: a version, so a later format can be told apart, and the devices.</summary>
internal sealed record RegistryFileContent(int Version, List<RegisteredDevice> Devices)
{
    public const int CurrentVersion = 1;
}
