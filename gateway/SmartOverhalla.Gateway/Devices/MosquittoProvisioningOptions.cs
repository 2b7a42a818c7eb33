namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// Configuration section <c>Devices:Mosquitto</c>: where the gateway writes Mosquitto's password and ACL files
/// from the registry (at start and after every change), and which Mosquitto to tell (SIGHUP makes Mosquitto 2
/// re-read both files). Unset paths: nothing is written.
/// </summary>
internal sealed class MosquittoProvisioningOptions
{
    /// <summary>Mosquitto <c>password_file</c>, relative to the content root.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Mosquitto <c>acl_file</c>, relative to the content root.</summary>
    public string? AclFile { get; set; }

    /// <summary>Mosquitto's pid file (its <c>pid_file</c> setting): after writing, the gateway sends that process SIGHUP. Unset: reload is the operator's (or the container's) job.</summary>
    public string? PidFile { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(PasswordFile) && !string.IsNullOrWhiteSpace(AclFile);
}
