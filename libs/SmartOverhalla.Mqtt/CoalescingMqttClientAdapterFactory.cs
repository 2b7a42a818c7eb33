using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace SmartOverhalla.Mqtt;

/// <summary>
/// Creates MQTTnet client connections whose TCP channel is wrapped in a <see cref="CoalescingMqttChannel"/>; other
/// transports (WebSocket) are left to MQTTnet's own factory. Use through <see cref="MqttClients.CreateForHighVolume"/>.
/// </summary>
public sealed class CoalescingMqttClientAdapterFactory : IMqttClientAdapterFactory
{
    private readonly MqttClientAdapterFactory _default = new();

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions)
        {
            return _default.CreateClientAdapter(options, packetInspector, logger);
        }

        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(new CoalescingMqttChannel(new MqttTcpChannel(options)), formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
