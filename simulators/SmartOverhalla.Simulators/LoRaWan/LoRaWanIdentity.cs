using System.Globalization;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>Who a simulated LoRaWAN device is on its network server, and the topics the integration uses for it.</summary>
/// <param name="DevEui">16 upper-case hex digits.</param>
/// <param name="DeviceId">The platform's device id: the ChirpStack device name and the TTS device id.</param>
internal sealed record LoRaWanIdentity(LoRaWanNetwork Network, LoRaWanProfile Profile, string DevEui, string DeviceId)
{
    public string DevEuiLower => DevEui.ToLowerInvariant();

    /// <summary>Where the integration publishes the device's uplinks.</summary>
    public string UplinkTopic => Network == LoRaWanNetwork.ChirpStack
        ? ChirpStackEventTopic("up")
        : string.Create(CultureInfo.InvariantCulture, $"v3/{Profile.TtsApplicationId}/devices/{DeviceId}/up");

    /// <summary>Where the network server confirms an acknowledged confirmed downlink.</summary>
    public string DownlinkAckTopic => Network == LoRaWanNetwork.ChirpStack
        ? ChirpStackEventTopic("ack")
        : string.Create(CultureInfo.InvariantCulture, $"v3/{Profile.TtsApplicationId}/devices/{DeviceId}/down/ack");

    /// <summary>Where the platform queues downlinks for the device.</summary>
    public string DownlinkTopic => Network == LoRaWanNetwork.ChirpStack
        ? string.Create(CultureInfo.InvariantCulture, $"application/{Profile.ChirpStackApplicationId}/device/{DevEuiLower}/command/down")
        : string.Create(CultureInfo.InvariantCulture, $"v3/{Profile.TtsApplicationId}/devices/{DeviceId}/down/push");

    private string ChirpStackEventTopic(string @event) =>
        string.Create(CultureInfo.InvariantCulture, $"application/{Profile.ChirpStackApplicationId}/device/{DevEuiLower}/event/{@event}");
}
