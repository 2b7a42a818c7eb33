using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models;

/// <summary>A device model that takes commands from the platform (today: street lights and <c>setDim</c>).</summary>
internal interface ICommandTarget
{
    /// <summary>
    /// Applies <paramref name="command"/> at the model's current time, or refuses it, and returns the
    /// ack that answers it. Called on the device's loop, never concurrently with <see cref="IDeviceModel.Next"/>.
    /// </summary>
    CommandAck Apply(DeviceCommand command);
}
