using MQTTnet;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>
/// The socket buffers every platform client asks for (issue 13): MQTTnet 5 sets SO_RCVBUF and SO_SNDBUF to
/// <c>MqttClientTcpOptions.BufferSize</c> on every connect, 8 KiB unless told otherwise, which Linux doubles to 16 KiB
/// and no longer sizes by itself.
/// </summary>
public sealed class MqttSocketBufferTests
{
    [Fact]
    public void WithConnection_Defaults_AsksFor4MiBSocketBuffersInsteadOfMqttnets8KiB()
    {
        // When
        var options = new MqttClientOptionsBuilder().WithConnection(new MqttConnectionOptions()).Build();

        // Then
        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        Assert.Equal(4 * 1024 * 1024, tcp.BufferSize);
        Assert.Equal(MqttConnectionOptions.DefaultSocketBufferSize, tcp.BufferSize);
        Assert.Equal("Unspecified/127.0.0.1:1883", tcp.RemoteEndpoint.ToString());
    }

    [Fact]
    public void WithConnection_ConfiguredSize_IsWhatTheSocketIsGiven()
    {
        // When
        var options = new MqttClientOptionsBuilder()
            .WithConnection(new MqttConnectionOptions { Host = "broker.example", Port = 8883, SocketBufferSize = 256 * 1024, Tls = { Enabled = true } })
            .Build();

        // Then (the TLS settings, applied after the TCP ones, keep the size)
        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        Assert.Equal(256 * 1024, tcp.BufferSize);
        Assert.True(tcp.TlsOptions.UseTls);
        Assert.Equal("Unspecified/broker.example:8883", tcp.RemoteEndpoint.ToString());
    }
}
