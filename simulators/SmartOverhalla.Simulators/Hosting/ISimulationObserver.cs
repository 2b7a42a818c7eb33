using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Hosting;

/// <summary>
/// Learns of every message a simulated device published, after the broker acknowledged it (QoS 1
/// PUBACK): telemetry, events, command acks and the device's own online/offline statuses (never
/// the last will, which the broker publishes). Register any number in DI; end-to-end tests use it
/// to know exactly what was sent. Called on the device's loop: keep it quick and do not throw.
/// </summary>
public interface ISimulationObserver
{
    void OnPublished(DeviceTopic topic, IDeviceMessage message);
}
