using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmartOverhalla.DurableFiles;
using SmartOverhalla.Gateway.Broker;

namespace SmartOverhalla.Gateway.Devices.Mosquitto;

/// <summary>
/// Keeps an external Mosquitto's password and ACL files in step with the registry: writes both at start and after
/// every registry change (changes in a burst are written once), then sends Mosquitto SIGHUP when its pid file is
/// configured (Mosquitto 2 re-reads <c>password_file</c> and <c>acl_file</c> on SIGHUP; connected clients keep their
/// connection, but every publish and subscription is checked against the new ACLs, and a removed device is refused at
/// its next connect). Idle when <c>Devices:Mosquitto</c> names no files.
/// </summary>
internal sealed class MosquittoProvisioner(
    DeviceRegistry registry,
    IOptions<DevicesOptions> devicesOptions,
    IOptions<BrokerOptions> brokerOptions,
    IHostEnvironment environment,
    ILogger<MosquittoProvisioner> logger) : BackgroundService
{
    private const int SigHup = 1;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly MosquittoProvisioningOptions _options = devicesOptions.Value.Mosquitto;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.IsEnabled)
        {
            // Written before the host is up, so Mosquitto started after the gateway finds the files.
            await WriteAsync(cancellationToken);
            registry.Changed += OnChanged;
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Writes both files now and signals Mosquitto.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.GetFullPath(_options.PasswordFile!, environment.ContentRootPath);
        var aclFile = Path.GetFullPath(_options.AclFile!, environment.ContentRootPath);
        var accounts = brokerOptions.Value.Accounts;
        var iterations = Math.Max(devicesOptions.Value.HashIterations, DevicesOptions.ServiceAccountHashIterations);

        var logins = new List<(string, string)>();
        foreach (var account in new[] { accounts.Gateway, accounts.Ingestion, accounts.NetworkServer })
        {
            if (account.HasPassword)
            {
                logins.Add((account.Username, SecretHash.Create(account.Password!, iterations)));
            }
            else
            {
                logger.AccountWithoutPassword(account.Username);
            }
        }

        // LoRaWAN devices have no login: no line, so Mosquitto refuses their user names like any unknown one.
        logins.AddRange(registry.All.Where(d => d.HasMqttLogin).OrderBy(d => d.Username, StringComparer.Ordinal).Select(d => (d.Username, d.SecretHash!)));
        await AtomicFile.WriteAsync(
            aclFile, MosquittoAclFile.Render(accounts.Gateway.Username, accounts.Ingestion.Username, accounts.NetworkServer.Username), cancellationToken);
        await AtomicFile.WriteAsync(passwordFile, MosquittoPasswordFile.Render(logins), cancellationToken);
        logger.MosquittoFilesWritten(passwordFile, logins.Count, aclFile);
        Reload();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await WriteAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    logger.MosquittoWriteFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnChanged(DeviceKey? revoked) => _changes.Writer.TryWrite(true);

    private void Reload()
    {
        if (string.IsNullOrWhiteSpace(_options.PidFile))
        {
            return;
        }

        var pidFile = Path.GetFullPath(_options.PidFile, environment.ContentRootPath);
        try
        {
            var pid = int.Parse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            if (pid <= 1 || Kill(pid, SigHup) != 0)
            {
                logger.MosquittoReloadFailed(pidFile, pid <= 1 ? $"pid {pid} is not a broker" : $"kill failed (errno {Marshal.GetLastPInvokeError()})");
                return;
            }

            logger.MosquittoReloaded(pid);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            logger.MosquittoReloadFailed(pidFile, ex.Message);
        }
    }

    // POSIX kill(2). DllImport rather than LibraryImport: the generated stub would need unsafe code in the gateway.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
