namespace SmartOverhalla.Gateway.Devices;

/// <summary>The device registry's log catalogue: device keys and file paths, never secrets or hashes.</summary>
internal static partial class Log
{
    [LoggerMessage(1101, LogLevel.Information, "Device registry {Path}: {Count} devices")]
    public static partial void RegistryLoaded(this ILogger logger, string path, int count);

    [LoggerMessage(1102, LogLevel.Information, "Fleet import from {Path}: {Added} of {Listed} devices registered (the others were registered already)")]
    public static partial void FleetImported(this ILogger logger, string path, int added, int listed);

    [LoggerMessage(1103, LogLevel.Warning, "Fleet import file {Path} is set but Devices:FleetKey is not: nothing imported")]
    public static partial void FleetKeyMissing(this ILogger logger, string path);

    [LoggerMessage(1104, LogLevel.Information, "Mosquitto files written: {PasswordFile} ({Users} users) and {AclFile}")]
    public static partial void MosquittoFilesWritten(this ILogger logger, string passwordFile, int users, string aclFile);

    [LoggerMessage(1105, LogLevel.Information, "Sent SIGHUP to Mosquitto (pid {Pid}) to re-read its password and ACL files")]
    public static partial void MosquittoReloaded(this ILogger logger, int pid);

    [LoggerMessage(1106, LogLevel.Warning, "Could not tell Mosquitto to reload (pid file {PidFile}): {Reason}; it keeps the old users until it gets SIGHUP")]
    public static partial void MosquittoReloadFailed(this ILogger logger, string pidFile, string reason);

    [LoggerMessage(1107, LogLevel.Error, "Could not write the Mosquitto files; retrying at the next registry change")]
    public static partial void MosquittoWriteFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1108, LogLevel.Warning, "Service account {Username} has no password: it is left out of the Mosquitto password file and cannot log in")]
    public static partial void AccountWithoutPassword(this ILogger logger, string username);

    [LoggerMessage(1109, LogLevel.Warning, "Fleet import {Line}: {Device} {Reason}")]
    public static partial void FleetImportConflict(this ILogger logger, string line, string device, string reason);


    [LoggerMessage(1110, LogLevel.Information, "Fleet import from {Path}: {Count} registered devices now reach the platform as the file says (a DevEUI set: through their network server, no MQTT login; a DevEUI removed: their own MQTT login again)")]
    public static partial void FleetImportSwitched(this ILogger logger, string path, int count);
}
