namespace SmartOverhalla.Contracts.Messages;

/// <summary>Connection state a device announces on its retained <c>status</c> topic.</summary>
public enum DeviceState
{
    Online,
    Offline,
}
