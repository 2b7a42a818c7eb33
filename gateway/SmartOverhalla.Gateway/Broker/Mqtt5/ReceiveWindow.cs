using MQTTnet.Packets;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// Flow control towards one client (MQTT 5.0 §4.9): at most its Receive Maximum of QoS 1 and 2 PUBLISH packets are
/// unacknowledged at a time; the rest wait here in their order and go out one per acknowledgement. Waiting packets are
/// bounded: past <c>maxHeld</c> the oldest is discarded, as MQTTnet does with its own queue. Thread-safe.
/// </summary>
internal sealed class ReceiveWindow
{
    private readonly Lock _gate = new();
    // Identifier → packets in flight with it: MQTTnet numbers queued packets, so an identifier can recur in a long queue.
    private readonly Dictionary<ushort, int> _inFlight = [];
    private int _inFlightCount;
    private readonly Queue<MqttPublishPacket> _held = new();
    private readonly int _receiveMaximum;
    private readonly int _maxHeld;

    /// <param name="receiveMaximum">The client's Receive Maximum; 0 (absent) means 65,535 (§3.1.2.11.3).</param>
    /// <param name="maxHeld">Most packets that wait; at least 1.</param>
    public ReceiveWindow(ushort receiveMaximum, int maxHeld)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeld, 1);
        _receiveMaximum = receiveMaximum == 0 ? ushort.MaxValue : receiveMaximum;
        _maxHeld = maxHeld;
    }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlightCount;
            }
        }
    }

    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>
    /// A QoS 1 or 2 packet is about to be sent: true when it may go now (it takes a slot); false when it waits, because
    /// the window is full or earlier packets wait. <paramref name="discarded"/> is the oldest waiting packet, when one had
    /// to make room.
    /// </summary>
    public bool TryAdmit(MqttPublishPacket packet, out MqttPublishPacket? discarded)
    {
        ArgumentNullException.ThrowIfNull(packet);
        discarded = null;
        lock (_gate)
        {
            if (_held.Count == 0 && _inFlightCount < _receiveMaximum)
            {
                Take(packet.PacketIdentifier);
                return true;
            }

            if (_held.Count >= _maxHeld)
            {
                discarded = _held.Dequeue();
            }

            _held.Enqueue(packet);
            return false;
        }
    }

    /// <summary>
    /// The exchange of <paramref name="packetIdentifier"/> is over (PUBACK, PUBCOMP, a failed PUBREC, or the packet was
    /// discarded after it was admitted): its slot is free. Returns the next waiting packet, which took the slot and is to
    /// be sent now, or null. An identifier not in flight changes nothing.
    /// </summary>
    public MqttPublishPacket? Complete(ushort packetIdentifier)
    {
        lock (_gate)
        {
            if (!_inFlight.TryGetValue(packetIdentifier, out var count))
            {
                return null;
            }

            if (count == 1)
            {
                _inFlight.Remove(packetIdentifier);
            }
            else
            {
                _inFlight[packetIdentifier] = count - 1;
            }

            _inFlightCount--;
            if (_held.Count == 0)
            {
                return null;
            }

            var next = _held.Dequeue();
            Take(next.PacketIdentifier);
            return next;
        }
    }

    private void Take(ushort packetIdentifier)
    {
        _inFlight[packetIdentifier] = _inFlight.GetValueOrDefault(packetIdentifier) + 1;
        _inFlightCount++;
    }
}
