using System.Text.Json;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>Serialises device messages with the contract's source-generated JSON metadata.</summary>
internal static class DevicePayload
{
    public static byte[] Serialize(IDeviceMessage message) => message switch
    {
        StreetlightTelemetry m => JsonSerializer.SerializeToUtf8Bytes(m, ContractJsonContext.Default.StreetlightTelemetry),
        WatermeterTelemetry m => JsonSerializer.SerializeToUtf8Bytes(m, ContractJsonContext.Default.WatermeterTelemetry),
        PloughTelemetry m => JsonSerializer.SerializeToUtf8Bytes(m, ContractJsonContext.Default.PloughTelemetry),
        DeviceStatus m => JsonSerializer.SerializeToUtf8Bytes(m, ContractJsonContext.Default.DeviceStatus),
        DeviceEvent m => JsonSerializer.SerializeToUtf8Bytes(m, ContractJsonContext.Default.DeviceEvent),
        CommandAck m => JsonSerializer.SerializeToUtf8Bytes(m, ContractJsonContext.Default.CommandAck),
        _ => throw new ArgumentException($"No JSON contract for {message?.GetType().Name ?? "null"}.", nameof(message)),
    };
}
