namespace SmartOverhalla.LoRaWan;

/// <summary>
/// Reject reasons of LoRaWAN uplinks that cannot be stored (beside the contract's own, which apply to the translated
/// message). They become the <c>reason</c> tag of the rejects series: never rename one.
/// </summary>
public static class LoRaWanReasons
{
    /// <summary>Not the network server's documented shape: not JSON, or a required field missing or of the wrong type.</summary>
    public const string Malformed = "lorawan-malformed";

    /// <summary>No profile of the mapping file matches the uplink's network, application and device profile.</summary>
    public const string Unmapped = "lorawan-unmapped";

    /// <summary>The uplink has no decoded payload: the network server has no payload codec for the device.</summary>
    public const string NotDecoded = "lorawan-not-decoded";

    /// <summary>A decoded field the profile maps is absent (and the profile gives no default).</summary>
    public const string FieldMissing = "lorawan-field-missing";

    /// <summary>A decoded field the profile maps has the wrong JSON type or a value that is not finite.</summary>
    public const string FieldInvalid = "lorawan-field-invalid";

    /// <summary>The DevEUI is not in the device registry, so the platform does not know which device it is.</summary>
    public const string DeviceUnknown = "device-unknown";

    /// <summary>The registry's DevEUI list has never been loaded (no cached copy, the gateway unreachable or the key refused).</summary>
    public const string DirectoryUnavailable = "lorawan-directory-unavailable";

    /// <summary>An uplink the network server marks as simulated (The Things Stack's console or CLI), not sent by the device.</summary>
    public const string Simulated = "lorawan-simulated";
}
