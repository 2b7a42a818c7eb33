using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// Makes an uplink delivered twice land on the same point. A re-delivery by the broker is byte-identical and
/// overwrites itself anyway; the same uplink sent by two integrations (or after a network-server retry) can carry a
/// slightly different reception time, so the first reception time seen for a (DevEUI, frame counter) pair within
/// <see cref="LoRaWanOptions.DuplicateWindow"/> stamps every copy. Frame counters restart when a device rejoins, so an
/// old pair outside the window is a new uplink. Bounded: the oldest pairs are forgotten first. Per worker instance:
/// with several instances, two copies that reach different instances are stored once only if their reception times
/// agree (README).
/// </summary>
public sealed class UplinkFrameTracker(TimeSpan duplicateWindow, int capacity)
{
    private readonly Dictionary<(string DevEui, long FCnt), DateTimeOffset> _first = [];
    private readonly Queue<(string DevEui, long FCnt)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>The reception time to stamp <paramref name="uplink"/> with.</summary>
    public DateTimeOffset Stamp(NetworkUplink uplink)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        var key = (uplink.DevEui, uplink.FCnt);
        lock (_lock)
        {
            if (_first.TryGetValue(key, out var first) && (uplink.ReceivedAt - first).Duration() <= duplicateWindow)
            {
                return first;
            }

            if (!_first.ContainsKey(key))
            {
                _order.Enqueue(key);
            }

            _first[key] = uplink.ReceivedAt;
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _first.Remove(oldest);
            }

            return uplink.ReceivedAt;
        }
    }
}
