using System.Text.Json;

namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>One uplink as either network server reports it, reduced to what the platform needs.</summary>
/// <param name="Application">ChirpStack: applicationId (UUID); TTS: application id.</param>
/// <param name="ApplicationName">ChirpStack: deviceInfo.applicationName; TTS: the application id again.</param>
/// <param name="Tenant">TTS tenant from the topic, or null.</param>
/// <param name="DeviceProfile">ChirpStack: deviceInfo.deviceProfileName; TTS: "brand_id/model_id" of version_ids; null when absent.</param>
/// <param name="DeviceProfileId">ChirpStack: deviceInfo.deviceProfileId; TTS: null.</param>
/// <param name="DevEui">16 upper-case hex digits.</param>
/// <param name="NetworkDeviceId">ChirpStack: deviceInfo.deviceName; TTS: end_device_ids.device_id (the name a TTS downlink needs).</param>
/// <param name="FCnt">Uplink frame counter (absent means 0: TTS omits zero values).</param>
/// <param name="ReceivedAt">When the network server received it (ChirpStack <c>time</c>, TTS <c>uplink_message.received_at</c>).</param>
/// <param name="Decoded">The payload codec's output (ChirpStack <c>object</c>, TTS <c>decoded_payload</c>), or null.</param>
public sealed record NetworkUplink(
    LoRaWanNetwork Network,
    string Application,
    string? ApplicationName,
    string? Tenant,
    string? DeviceProfile,
    string? DeviceProfileId,
    string DevEui,
    string NetworkDeviceId,
    long FCnt,
    int FPort,
    DateTimeOffset ReceivedAt,
    JsonElement? Decoded,
    RadioQuality Radio)
{
    /// <summary>The frame's application payload as the network server sent it (ChirpStack <c>data</c>, TTS <c>frm_payload</c>, base64), or null: two copies of one uplink carry the same.</summary>
    public string? FramePayload { get; init; }
}
