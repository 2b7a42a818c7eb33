using MQTTnet.Packets;
using MQTTnet.Protocol;
using SmartOverhalla.Gateway.Broker.Mqtt5;

namespace SmartOverhalla.Gateway.Tests.Broker.Mqtt5;

public sealed class ReceiveWindowTests
{
    [Fact]
    public void Admits_up_to_the_receive_maximum_and_holds_the_rest_in_order()
    {
        var window = new ReceiveWindow(receiveMaximum: 2, maxHeld: 10);

        Assert.True(window.TryAdmit(Publish(1), out _));
        Assert.True(window.TryAdmit(Publish(2), out _));
        Assert.False(window.TryAdmit(Publish(3), out _));
        Assert.False(window.TryAdmit(Publish(4), out _));

        Assert.Equal((2, 2), (window.InFlight, window.Held));
        Assert.Equal((ushort?)3, window.Complete(1)?.PacketIdentifier);
        Assert.Equal((ushort?)4, window.Complete(3)?.PacketIdentifier);
        Assert.Equal((2, 0), (window.InFlight, window.Held));
    }

    [Fact]
    public void A_packet_waits_behind_held_ones_even_when_a_slot_is_free()
    {
        var window = new ReceiveWindow(receiveMaximum: 1, maxHeld: 10);
        Assert.True(window.TryAdmit(Publish(1), out _));
        Assert.False(window.TryAdmit(Publish(2), out _));

        // The slot that 1 frees goes to 2, so 3 waits (it must not overtake 2)
        Assert.Equal((ushort?)2, window.Complete(1)?.PacketIdentifier);
        Assert.False(window.TryAdmit(Publish(3), out _));
    }

    [Fact]
    public void An_acknowledgement_of_a_packet_not_in_flight_frees_nothing()
    {
        var window = new ReceiveWindow(receiveMaximum: 1, maxHeld: 10);
        Assert.True(window.TryAdmit(Publish(1), out _));
        Assert.False(window.TryAdmit(Publish(2), out _));

        Assert.Null(window.Complete(99));
        Assert.Equal((1, 1), (window.InFlight, window.Held));
    }

    [Fact]
    public void When_too_many_wait_the_oldest_waiting_is_discarded()
    {
        var window = new ReceiveWindow(receiveMaximum: 1, maxHeld: 2);
        Assert.True(window.TryAdmit(Publish(1), out _));
        Assert.False(window.TryAdmit(Publish(2), out var none));
        Assert.False(window.TryAdmit(Publish(3), out _));
        Assert.False(window.TryAdmit(Publish(4), out var discarded));

        Assert.Null(none);
        Assert.Equal((ushort?)2, discarded?.PacketIdentifier);
        Assert.Equal((ushort?)3, window.Complete(1)?.PacketIdentifier);
    }

    [Fact]
    public void Two_packets_in_flight_with_the_same_identifier_take_two_slots()
    {
        // MQTTnet numbers a session's queued packets, so in a queue longer than 65,535 an identifier recurs
        var window = new ReceiveWindow(receiveMaximum: 2, maxHeld: 10);
        Assert.True(window.TryAdmit(Publish(5), out _));
        Assert.True(window.TryAdmit(Publish(5), out _));
        Assert.False(window.TryAdmit(Publish(6), out _));

        // One acknowledgement frees one slot, which 6 takes
        Assert.Equal((ushort?)6, window.Complete(5)?.PacketIdentifier);
        Assert.Equal(2, window.InFlight);
    }

    [Fact]
    public void Receive_maximum_0_means_the_spec_default_of_65535()
    {
        var window = new ReceiveWindow(receiveMaximum: 0, maxHeld: 1);
        for (ushort id = 1; id <= 1000; id++)
        {
            Assert.True(window.TryAdmit(Publish(id), out _));
        }
    }

    private static MqttPublishPacket Publish(ushort packetIdentifier) =>
        new() { PacketIdentifier = packetIdentifier, Topic = "t", QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce };
}
