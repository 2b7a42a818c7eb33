using System.Collections.Concurrent;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Ingestion.Telemetry;

/// <summary>
/// Which devices last said they are online, from their retained <c>status</c> messages and last wills.
/// The last status to arrive wins, not the newest device time: a last will is composed when the device
/// connects, so its <c>ts</c> is the connect time even though it is published when the device dies.
/// </summary>
public sealed class DeviceOnlineTracker
{
    private readonly ConcurrentDictionary<(string Municipality, DeviceKind Kind, string DeviceId), DeviceStatus> _latest = new();

    /// <summary>
    /// Records a status and returns the time its point should carry: the device's <c>ts</c>, except for an
    /// offline status stamped before the online one it ends (a last will), which takes <paramref name="arrivedAt"/>.
    /// </summary>
    public DateTimeOffset Observe(DeviceTopic topic, DeviceStatus status, DateTimeOffset arrivedAt)
    {
        ArgumentNullException.ThrowIfNull(status);
        var key = (topic.Municipality, topic.Kind, topic.DeviceId);
        var pointTime = status.Ts;
        if (status.State == DeviceState.Offline
            && _latest.TryGetValue(key, out var previous)
            && previous.State == DeviceState.Online
            && previous.Ts >= status.Ts)
        {
            pointTime = arrivedAt > previous.Ts ? arrivedAt : previous.Ts.AddTicks(1);
        }

        _latest[key] = status;
        return pointTime;
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
