using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// Section <c>LoRaWan</c> of the gateway: the same uplink mapping file as the ingestion worker's. With it, lights that
/// reach the platform through a network server report their level to lighting control, and lighting commands reach
/// those whose profile names a command encoder as downlinks. Off while <see cref="MappingFile"/> is unset.
/// </summary>
internal sealed class LoRaWanControlOptions
{
    public const string SectionName = "LoRaWan";

    /// <summary>The uplink mapping file (YAML; README "Connecting a LoRaWAN network server"). A relative path is found from the content root.</summary>
    [StringLength(4096)]
    public string? MappingFile { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(MappingFile);
}
