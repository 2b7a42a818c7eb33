using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models;

/// <summary>A device model that raises events (alarms, state changes) as it is read.</summary>
internal interface IEventSource
{
    /// <summary>The events raised since the last call, oldest first; each is returned once.</summary>
    IReadOnlyList<DeviceEvent> TakeEvents();
}
