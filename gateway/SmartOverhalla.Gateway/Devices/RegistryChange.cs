namespace SmartOverhalla.Gateway.Devices;

/// <summary>The outcome of a registry change that may not find its device or may collide with one.</summary>
internal enum RegistryChange
{
    Done,
    NotFound,
    AlreadyRegistered,
    Unchanged,
}
