using System.Text.Json.Serialization;

namespace SmartOverhalla.Contracts.Messages;

/// <summary>A command from the platform to one device, published on its <c>cmd</c> topic with QoS 1.</summary>
/// <param name="CmdId">Unique id; the device's <c>ack</c> names it.</param>
/// <param name="Ts">When the platform issued the command.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SetDimCommand), "setDim")]
public abstract record DeviceCommand(string CmdId, DateTimeOffset Ts);
