using System.Text;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>Reading application messages with the raw client.</summary>
internal static class ReceivedMessages
{
    /// <summary>The next packet, which must be a PUBLISH.</summary>
    public static async Task<Publish> NextPublishAsync(this RawMqttClient client, CancellationToken cancellationToken) =>
        (await client.ReadAsync(cancellationToken) ?? throw new InvalidDataException("The broker closed the connection.")).AsPublish();

    public static string Text(this Publish publish) => Encoding.UTF8.GetString(publish.Payload);
}
