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

    /// <summary>Another device has the DevEUI: the ingestion maps a LoRaWAN uplink to its device by DevEUI, so it must be unique.</summary>
    DevEuiInUse,

    /// <summary>The device has no MQTT login (a LoRaWAN device), so it has no secret to change.</summary>
    NoMqttLogin,
}
