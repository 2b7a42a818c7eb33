using System.Collections.Concurrent;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Ingestion.Telemetry;

/// <summary>
/// Which devices last said they are online, from their retained <c>status</c> messages (and last wills),
/// for the summary line. The newest device time wins, so a late re-delivery cannot flip a state back.
/// </summary>
public sealed class DeviceOnlineTracker
{
    private readonly ConcurrentDictionary<(string Municipality, DeviceKind Kind, string DeviceId), DeviceStatus> _latest = new();

    public void Observe(DeviceTopic topic, DeviceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _latest.AddOrUpdate(
            (topic.Municipality, topic.Kind, topic.DeviceId),
            status,
            (_, existing) => status.Ts >= existing.Ts ? status : existing);
    }

    /// <summary>Devices online now, per kind.</summary>
    public IReadOnlyDictionary<DeviceKind, int> OnlineByKind()
    {
        var counts = new Dictionary<DeviceKind, int>();
        foreach (var (key, status) in _latest)
        {
            if (status.State == DeviceState.Online)
            {
                counts[key.Kind] = counts.GetValueOrDefault(key.Kind) + 1;
            }
        }

        return counts;
    }
}
