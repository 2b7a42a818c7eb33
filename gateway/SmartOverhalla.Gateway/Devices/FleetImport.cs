using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// At start, registers the devices listed in <c>Devices:ImportFile</c> that are not registered yet, each with its
/// fleet-key secret (<see cref="DeviceSecrets.FromFleetKey"/>): how run.sh, the tests and a factory batch provision
/// many devices at once. Devices already registered keep their (possibly rotated) secrets, except where the file says
/// they now reach the platform another way: a DevEUI set or changed (through its network server, no secret) or removed
/// (its own MQTT login again, with its fleet-key secret). A DevEUI another device holds is reported, not applied.
/// </summary>
internal sealed class FleetImport(
    DeviceRegistry registry,
    IOptions<DevicesOptions> options,
    IHostEnvironment environment,
    ILogger<FleetImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        logger.RegistryLoaded(registry.FilePath, registry.All.Count);
        if (string.IsNullOrWhiteSpace(settings.ImportFile))
        {
            return;
        }

        var path = Path.GetFullPath(settings.ImportFile, environment.ContentRootPath);
        if (string.IsNullOrEmpty(settings.FleetKey))
        {
            logger.FleetKeyMissing(path);
            return;
        }

        var devices = FleetFile.Parse(await File.ReadAllLinesAsync(path, cancellationToken), path);
        var result = await registry.ImportAsync(devices, username => DeviceSecrets.FromFleetKey(settings.FleetKey, username), cancellationToken);
        foreach (var conflict in result.Conflicts)
        {
            logger.FleetImportConflict(conflict.Entry.Line, conflict.Entry.Key.ToString(), conflict.Reason);
        }

        logger.FleetImported(path, result.Added, devices.Count);
        if (result.Changed > 0)
        {
            logger.FleetImportSwitched(path, result.Changed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
