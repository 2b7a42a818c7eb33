using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>One message waiting in a <see cref="DeviceOutbox"/>: what, on which of the device's topics, from when.</summary>
internal readonly record struct OutboxEntry(DateTimeOffset Due, MessageType Type, IDeviceMessage Message);
