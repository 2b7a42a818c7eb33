using System.Text.Json;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Tests.Support;

/// <summary>What the test's stand-in for the gateway sends and reads: setDim commands and their acks.</summary>
internal static class PlatformCommands
{
    public static string CommandTopic(string municipality, string deviceId) => $"smartcity/v1/{municipality}/streetlight/{deviceId}/cmd";

    public static string LightId(string municipality, int number) => $"{municipality}-light-{number:D4}";

    /// <summary>A setDim as the gateway serialises it: through the polymorphic base, so <c>type</c> comes first.</summary>
    public static byte[] SetDim(string cmdId, int level, DateTimeOffset ts, DateTimeOffset? untilTs = null, string reason = "test") =>
        JsonSerializer.SerializeToUtf8Bytes<DeviceCommand>(new SetDimCommand(cmdId, ts, level, reason, untilTs), ContractJsonContext.Default.DeviceCommand);

    public static string NewCmdId() => Guid.NewGuid().ToString();

    public static CommandAck ReadAck(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractJsonContext.Default.CommandAck) ?? throw new InvalidOperationException("empty ack");

    public static StreetlightTelemetry ReadTelemetry(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractJsonContext.Default.StreetlightTelemetry) ?? throw new InvalidOperationException("empty telemetry");

    public static DeviceEvent ReadEvent(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractJsonContext.Default.DeviceEvent) ?? throw new InvalidOperationException("empty event");

    /// <summary>Every ack the recorder received, in arrival order.</summary>
    public static List<CommandAck> Acks(this MqttRecorder recorder) =>
        [.. recorder.Messages.Where(m => m.Is(Contracts.Topics.MessageType.Ack)).Select(ReadAck)];
}
