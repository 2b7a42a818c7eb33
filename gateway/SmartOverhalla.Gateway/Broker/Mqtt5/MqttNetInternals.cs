using System.Runtime.CompilerServices;
using MQTTnet.Packets;
using MQTTnet.Server;
using MQTTnet.Server.Internal;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// The two private fields of MQTTnet 5.2's server that the MQTT 5 obligations need and its public API does not give:
/// the CONNECT packet behind a connection check (to take the will over, <see cref="DelayedWills"/>) and the session
/// behind a session status (to forget a message the broker discarded instead of sending, as if it had been acknowledged).
/// Read through <see cref="UnsafeAccessorAttribute"/>: a renamed field fails with <see cref="MissingFieldException"/> at
/// the first call, which the conformance tests make, rather than silently doing nothing. Check both when MQTTnet is upgraded.
/// </summary>
internal static class MqttNetInternals
{
    public static MqttConnectPacket ConnectPacketOf(ValidatingConnectionEventArgs connection) => ConnectPacketField(connection);

    public static MqttSession SessionOf(MqttSessionStatus status) => SessionField(status);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_connectPacket")]
    private static extern ref MqttConnectPacket ConnectPacketField(ValidatingConnectionEventArgs connection);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_session")]
    private static extern ref MqttSession SessionField(MqttSessionStatus status);
}
