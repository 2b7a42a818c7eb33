using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models;

/// <summary>
/// The measuring side of one simulated device: each call reads the device clock (its
/// <see cref="TimeProvider"/>) and returns the next telemetry message. Models are deterministic
/// for a given seed and sequence of clock readings, so tests drive them with a fake clock.
/// </summary>
internal interface IDeviceModel
{
    IDeviceMessage Next();
}
