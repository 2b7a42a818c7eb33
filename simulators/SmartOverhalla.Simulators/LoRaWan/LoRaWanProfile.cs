namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// One simulated device profile and where its devices live on each network server (lorawan.md, "Platform side" and the
/// mapping file <c>deploy/lorawan/uplink-mapping.yaml</c>): the ChirpStack application and device profile, the TTS
/// application and the version ids that name the model.
/// </summary>
/// <param name="UplinkPort">FPort of the device's uplinks.</param>
/// <param name="CommandPort">FPort of dim-level-v1 downlinks; null for a device that takes none.</param>
internal sealed record LoRaWanProfile(
    string ChirpStackApplicationName,
    string ChirpStackDeviceProfileName,
    string TtsApplicationId,
    string TtsModelId,
    int UplinkPort,
    int? CommandPort)
{
    public const string TenantName = "Overhalla kommune";
    public const string TtsBrandId = "smartoverhalla";

    /// <summary>The fPort of the <c>dim-level-v1</c> encoder (the mapping's <c>commands.fPort</c>).</summary>
    public const int DimLevelPort = 10;

    public static readonly LoRaWanProfile Water = new("vannmalere", "SO-Water-LoRa", "overhalla-vann", "so-water-lora", UplinkPort: 2, CommandPort: null);

    public static readonly LoRaWanProfile Light = new("gatelys", "SO-Light-LoRa", "overhalla-lys", "so-light-lora", UplinkPort: 3, CommandPort: DimLevelPort);

    /// <summary>ChirpStack's id of the application, a UUID derived from its name.</summary>
    public Guid ChirpStackApplicationId { get; } = NameBasedUuid.Of(ChirpStackApplicationName);

    public Guid ChirpStackDeviceProfileId { get; } = NameBasedUuid.Of(ChirpStackDeviceProfileName);

    public static Guid TenantId { get; } = NameBasedUuid.Of(TenantName);
}
