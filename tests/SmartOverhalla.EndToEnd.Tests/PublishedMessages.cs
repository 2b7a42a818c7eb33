using System.Collections.Concurrent;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>Every message the simulated devices published and the broker acknowledged.</summary>
internal sealed class PublishedMessages : ISimulationObserver
{
    private readonly ConcurrentQueue<(DeviceTopic Topic, IDeviceMessage Message)> _messages = new();

    public IReadOnlyCollection<(DeviceTopic Topic, IDeviceMessage Message)> All => _messages;

    public IEnumerable<T> Of<T>()
        where T : IDeviceMessage => _messages.Select(m => m.Message).OfType<T>();

    public void OnPublished(DeviceTopic topic, IDeviceMessage message) => _messages.Enqueue((topic, message));
}
