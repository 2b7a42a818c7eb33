using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>Identifier rules of the zone file: zone and profile ids follow the contract's municipality slug.</summary>
internal static class Slug
{
    /// <summary>What a valid slug looks like, for problem texts.</summary>
    public const string Rule = "2–40 lower-case letters, digits or '-', starting with a letter";

    /// <summary>Whether <paramref name="value"/> is a valid slug (same rule as the municipality in MQTT topics).</summary>
    public static bool IsValid(string? value) => value is not null && DeviceTopic.IsValidMunicipality(value);
}
