using System.Collections.Concurrent;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators.Tests.Support;

/// <summary>Records every message the simulator says the broker acknowledged.</summary>
internal sealed class RecordingObserver : ISimulationObserver
{
    private readonly ConcurrentQueue<(DeviceTopic Topic, IDeviceMessage Message)> _published = new();

    public IReadOnlyList<(DeviceTopic Topic, IDeviceMessage Message)> Published => [.. _published];

    public void OnPublished(DeviceTopic topic, IDeviceMessage message) => _published.Enqueue((topic, message));

    public IReadOnlyList<IDeviceMessage> Of(MessageType type) => [.. Published.Where(p => p.Topic.Message == type).Select(p => p.Message)];

    public IReadOnlyList<DeviceStatus> Statuses(DeviceState state) =>
        [.. Of(MessageType.Status).Cast<DeviceStatus>().Where(s => s.State == state)];
}
