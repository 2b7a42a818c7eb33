using System.Text;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Packets;
using SmartOverhalla.Gateway.Broker.Mqtt5;

namespace SmartOverhalla.Gateway.Tests.Broker.Mqtt5;

public sealed class MessageExpiryTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_message_sent_after_waiting_carries_its_interval_less_the_wait_and_no_arrival_mark()
    {
        var expiry = new MessageExpiry(_time);
        var message = new MqttApplicationMessage { Topic = "t", MessageExpiryInterval = 60, UserProperties = [Property("kind", "x")] };
        expiry.Stamp(message);

        _time.Advance(TimeSpan.FromSeconds(10.5));
        var sent = expiry.Prepare(PacketOf(message));

        Assert.NotNull(sent);
        Assert.Equal(50u, sent.MessageExpiryInterval);
        Assert.Equal(["kind"], sent.UserProperties!.Select(p => p.Name));
    }

    [Fact]
    public void A_message_past_its_interval_is_not_sent()
    {
        var expiry = new MessageExpiry(_time);
        var message = new MqttApplicationMessage { Topic = "t", MessageExpiryInterval = 5 };
        expiry.Stamp(message);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1u, expiry.Prepare(PacketOf(message))?.MessageExpiryInterval);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(expiry.Prepare(PacketOf(message)));
    }

    [Fact]
    public void The_packet_in_the_session_keeps_its_mark_so_a_resend_counts_from_the_first_arrival()
    {
        var expiry = new MessageExpiry(_time);
        var message = new MqttApplicationMessage { Topic = "t", MessageExpiryInterval = 30 };
        expiry.Stamp(message);
        var packet = PacketOf(message);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(20u, expiry.Prepare(packet)?.MessageExpiryInterval);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(10u, expiry.Prepare(packet)?.MessageExpiryInterval);
        Assert.Equal(30u, packet.MessageExpiryInterval);
    }

    [Fact]
    public void A_client_cannot_set_the_arrival_mark()
    {
        var expiry = new MessageExpiry(_time);
        var forged = new MqttApplicationMessage { Topic = "t", UserProperties = [Property(MessageExpiry.ArrivalProperty, "0"), Property("kind", "x")] };
        expiry.Stamp(forged);

        Assert.Equal(["kind"], forged.UserProperties!.Select(p => p.Name));
        var packet = PacketOf(forged);
        Assert.Same(packet, expiry.Prepare(packet));
    }

    private static MqttUserProperty Property(string name, string value) => new(name, new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(value)));

    private static MqttPublishPacket PacketOf(MqttApplicationMessage message) => new()
    {
        Topic = message.Topic,
        MessageExpiryInterval = message.MessageExpiryInterval,
        UserProperties = message.UserProperties,
    };
}
