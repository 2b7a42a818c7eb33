using System.Text;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>Publishing from a client of its own, as another device would.</summary>
internal static class Publishing
{
    /// <summary>Connects a new client, publishes each payload at QoS 1 in order (each acknowledged with 0x00), and leaves.</summary>
    public static async Task PublishAsync(int port, string topic, CancellationToken ct, params string[] payloads)
    {
        await using var publisher = await RawMqttClient.OpenAsync(port, ct);
        Assert.Equal(0x00, (await publisher.ConnectAsync(ConformanceNames.ClientId("pub"), ct)).ReasonCode);
        ushort packetId = 1;
        foreach (var payload in payloads)
        {
            await publisher.PublishAsync(topic, 1, packetId, Encoding.UTF8.GetBytes(payload), ct);
            Assert.Equal(new PubAck(packetId, 0x00), (await publisher.ReadAsync(ct))?.AsPubAck());
            packetId++;
        }
    }
}
