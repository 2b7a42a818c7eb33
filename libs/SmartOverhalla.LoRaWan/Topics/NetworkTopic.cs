namespace SmartOverhalla.LoRaWan.Topics;

/// <summary>A network server's MQTT topic, parsed.</summary>
/// <param name="Application">ChirpStack: the application id (UUID) in the topic; TTS: the application id without the tenant.</param>
/// <param name="Tenant">TTS only: the tenant after '@' in the topic (Cloud and Enterprise deployments), else null.</param>
/// <param name="Device">ChirpStack: the DevEUI in the topic (lower-case as ChirpStack writes it); TTS: the end device id.</param>
public sealed record NetworkTopic(LoRaWanNetwork Network, string Application, string? Tenant, string Device, NetworkEvent Event);
