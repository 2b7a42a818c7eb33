using System.ComponentModel.DataAnnotations;
using SmartOverhalla.Mqtt;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// Configuration section <c>Devices</c>: the device registry and what the gateway provisions from it. That
/// <see cref="ImportFile"/> exists is checked against the content root by <see cref="DevicesOptionsHostChecks"/>.
/// </summary>
internal sealed class DevicesOptions : IValidatableObject
{
    public const string SectionName = "Devices";

    /// <summary>
    /// Mosquitto's own default (mosquitto_passwd). Device secrets are 256 random bits, so the work factor adds nothing
    /// to their strength (<see cref="SecretHash"/>), while every connect pays it: measured here, one check takes
    /// 0.06 ms at 101 iterations, 1.4 ms at 1 000 and 13 ms at 10 000 — a reconnect storm of 10 000 devices costs
    /// 0.6 s, 14 s or 2 min of CPU.
    /// </summary>
    public const int DefaultHashIterations = 101;

    /// <summary>
    /// Service accounts' passwords may be chosen by people (at least 16 characters outside Development), so their
    /// hashes in Mosquitto's file are stretched more; they log in rarely (13 ms each).
    /// </summary>
    public const int ServiceAccountHashIterations = 10_000;

    /// <summary>The registry (devices and their secrets' hashes), relative to the content root; written atomically on every change.</summary>
    [Required]
    public string RegistryFile { get; set; } = "data/device-registry.json";

    /// <summary>PBKDF2 iterations for new device hashes (existing hashes keep theirs).</summary>
    [Range(1, 10_000_000)]
    public int HashIterations { get; set; } = DefaultHashIterations;

    /// <summary>
    /// Fleet key for devices imported from <see cref="ImportFile"/>: each device's secret is
    /// HMAC-SHA256(key, user name) (SmartOverhalla.Mqtt.FleetCredentials). From the environment only
    /// (<c>Devices__FleetKey</c>), never from a file in the repository.
    /// </summary>
    public string? FleetKey { get; set; }

    /// <summary>
    /// Optional list of devices registered at start with fleet-key secrets, when not yet registered (lines
    /// <c>kind,deviceId,municipality[,role]</c>; '#' starts a comment). Registered devices are left as they are.
    /// </summary>
    public string? ImportFile { get; set; }

    /// <summary>Section <c>Devices:Mosquitto</c>: password and ACL files for an external Mosquitto.</summary>
    public MosquittoProvisioningOptions Mosquitto { get; set; } = new();

    /// <summary>Never shows the fleet key.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Unset or empty: no fleet import (an empty key outside Development is the secrets check's to refuse).
        if (!string.IsNullOrEmpty(FleetKey) && FleetKey.Length < FleetCredentials.MinKeyLength)
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(FleetKey))}: must be at least {FleetCredentials.MinKeyLength} characters (128 random bits as base64); the value is not shown.",
                [nameof(FleetKey)]);
        }

        if (string.IsNullOrWhiteSpace(Mosquitto.PasswordFile) != string.IsNullOrWhiteSpace(Mosquitto.AclFile))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Mosquitto))}: set both {nameof(MosquittoProvisioningOptions.PasswordFile)} and {nameof(MosquittoProvisioningOptions.AclFile)}, or neither.",
                [nameof(Mosquitto)]);
        }
    }
}
