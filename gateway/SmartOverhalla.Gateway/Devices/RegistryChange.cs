namespace SmartOverhalla.Gateway.Devices;

/// <summary>The outcome of a registry change that may not find its device or may collide with one.</summary>
internal enum RegistryChange
{
    Done,
    NotFound,
    AlreadyRegistered,

    /// <summary>The device id is registered under another kind: an id is a device's MQTT client id, so it must be unique.</summary>
    DeviceIdInUse,
    Unchanged,
}
