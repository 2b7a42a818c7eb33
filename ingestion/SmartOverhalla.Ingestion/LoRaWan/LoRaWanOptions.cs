using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// Section <c>LoRaWan</c>: uplinks from LoRaWAN network servers' MQTT integrations (ChirpStack v4, The Things Stack
/// v3). Off while <see cref="MappingFile"/> is unset. The device registry (in the gateway) says which platform device
/// each DevEUI is; the worker fetches that list and keeps a copy so it can start without the gateway.
/// </summary>
public sealed class LoRaWanOptions : IValidatableObject
{
    public const string SectionName = "LoRaWan";

    /// <summary>The uplink mapping file (YAML, README "Connecting a LoRaWAN network server"); unset: LoRaWAN uplinks are not subscribed.</summary>
    public string? MappingFile { get; set; }

    /// <summary>The gateway's base URL, e.g. <c>http://gateway:8080/</c>, for <c>GET /api/v1/devices/lorawan</c>.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>An API key with the role <c>service</c> (environment only: <c>LoRaWan__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How often the DevEUI list is fetched again (and at most how long a newly registered device waits; an unknown DevEUI asks for a fetch sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the last fetched DevEUI list is kept (relative to the content root), so a restart while the gateway is down still maps uplinks.</summary>
    public string DirectoryCacheFile { get; set; } = "data/lorawan-devices.json";

    /// <summary>
    /// An uplink with the same DevEUI and frame counter as one received up to this long before (by the network
    /// server's clock) is the same uplink delivered again, and is stored over the first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many (DevEUI, frame counter) pairs are remembered for <see cref="DuplicateWindow"/>; the oldest are forgotten first.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxTrackedFrames { get; set; } = 200_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(MappingFile);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (GatewayUrl is null || !GatewayUrl.IsAbsoluteUri || (GatewayUrl.Scheme != Uri.UriSchemeHttp && GatewayUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(GatewayUrl))}: must be the gateway's absolute http or https URL when {nameof(MappingFile)} is set (the DevEUI list comes from its registry).",
                [nameof(GatewayUrl)]);
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(ApiKey))}: is required when {nameof(MappingFile)} is set (an API key with the role service).",
                [nameof(ApiKey)]);
        }

        if (string.IsNullOrWhiteSpace(DirectoryCacheFile))
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(DirectoryCacheFile))}: must be a file path.", [nameof(DirectoryCacheFile)]);
        }
    }
}
