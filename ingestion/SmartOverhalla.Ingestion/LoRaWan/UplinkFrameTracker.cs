using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// Makes an uplink delivered twice land on the same point. A re-delivery by the broker is byte-identical and
/// overwrites itself anyway; the same uplink sent by two integrations (or after a network-server retry) can carry a
/// slightly different reception time, so the first reception time seen for a (DevEUI, frame counter, frame payload)
/// within <see cref="LoRaWanOptions.DuplicateWindow"/> stamps every copy. Frame counters restart when a device rejoins:
/// the same counter with other bytes, or outside the window, is a new uplink. Bounded: the oldest pairs are forgotten first. Per worker instance:
/// with several instances, two copies that reach different instances are stored once only if their reception times
/// agree (README).
/// </summary>
public sealed class UplinkFrameTracker(TimeSpan duplicateWindow, int capacity)
{
    private readonly Dictionary<(string DevEui, long FCnt), (DateTimeOffset ReceivedAt, string? Payload)> _first = [];
    private readonly Queue<(string DevEui, long FCnt)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>The reception time to stamp <paramref name="uplink"/> with.</summary>
    public DateTimeOffset Stamp(NetworkUplink uplink)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        var key = (uplink.DevEui, uplink.FCnt);
        lock (_lock)
        {
            // A device that rejoined (or reset its counter) sends the same counter again with other bytes: that is a new
            // reading, and must not land on the old one's point.
            if (_first.TryGetValue(key, out var first)
                && (uplink.ReceivedAt - first.ReceivedAt).Duration() <= duplicateWindow
                && first.Payload == uplink.FramePayload)
            {
                return first.ReceivedAt;
            }

            if (!_first.ContainsKey(key))
            {
                _order.Enqueue(key);
            }

            _first[key] = (uplink.ReceivedAt, uplink.FramePayload);
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _first.Remove(oldest);
            }

            return uplink.ReceivedAt;
        }
    }
}
