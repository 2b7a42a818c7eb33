namespace SmartOverhalla.Testing.Servers;

/// <summary>
/// A real Mosquitto broker on 127.0.0.1, started from the project's deploy/mosquitto config with its own
/// data dir, or an already running broker named by <c>SMARTOVERHALLA_TEST_MQTT_PORT</c>. By default it admits
/// anonymous clients with every right (a test-only file in its config dir says so); <see cref="StartSecuredAsync"/>
/// starts it with the shipped security config instead.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    public const string ReuseVariable = "SMARTOVERHALLA_TEST_MQTT_PORT";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _dataDir;
    private readonly MosquittoSecurity? _security;
    private ServerProcess? _process;

    private MosquittoServer(int port, string dataDir, bool owned, MosquittoSecurity? security = null, int? tlsPort = null)
    {
        Port = port;
        _dataDir = dataDir;
        IsOwned = owned;
        _security = security;
        TlsPort = tlsPort;
    }

    /// <summary>Port of the TLS listener in secured mode with a certificate; null otherwise.</summary>
    public int? TlsPort { get; }

    /// <summary>Pid file of the running broker (what the gateway's Devices:Mosquitto:PidFile names), in its data dir.</summary>
    public string PidFile => Path.Combine(_dataDir, "mosquitto.pid");

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>False when the tests reuse a broker they did not start (then it cannot be stopped or killed).</summary>
    public bool IsOwned { get; }

    /// <summary>The PID of the server process this run started (null when reused or stopped), e.g. to sample its CPU time.</summary>
    public int? ProcessId => _process?.Pid;

    public static async Task<MosquittoServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(ReuseVariable), out var reusePort))
        {
            return new MosquittoServer(reusePort, string.Empty, owned: false);
        }

        var dataDir = Directory.CreateTempSubdirectory("so-mosquitto-").FullName;
        var server = new MosquittoServer(FreeTcpPort.Next(), dataDir, owned: true);
        await server.StartOrCleanUpAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// Starts a broker that refuses anonymous clients and takes users and ACLs from the files in
    /// <paramref name="security"/> (they must exist; send SIGHUP, e.g. through <see cref="PidFile"/>, after changing
    /// them). Never reuses a running broker.
    /// </summary>
    public static async Task<MosquittoServer> StartSecuredAsync(MosquittoSecurity security, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(security);
        var dataDir = Directory.CreateTempSubdirectory("so-mosquitto-").FullName;
        var server = new MosquittoServer(FreeTcpPort.Next(), dataDir, owned: true, security, security.HasTls ? FreeTcpPort.Next() : null);
        await server.StartOrCleanUpAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops the broker gracefully (it saves its persistence file) and starts it again on the same port and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        EnsureOwned();
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsOwned)
        {
            return;
        }

        await StopAsync();
        TryDelete(_dataDir);
    }

    public string LogFile => Path.Combine(_dataDir, "mosquitto.log");

    /// <summary>A broker that did not start is stopped and its data dir deleted: no caller gets it to dispose.</summary>
    private async Task StartOrCleanUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartProcessAsync(cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        EnsureOwned();
        var confDir = Path.Combine(_dataDir, "conf.d");
        Directory.CreateDirectory(confDir);
        var config = ConfigTemplate.Render("deploy/mosquitto/mosquitto.conf.template", new Dictionary<string, string>
        {
            ["DATA_DIR"] = _dataDir,
            ["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RUN_USER"] = Environment.UserName,
            ["CONF_DIR"] = confDir,
        });
        var configFile = Path.Combine(_dataDir, "mosquitto.conf");
        await File.WriteAllTextAsync(configFile, config, cancellationToken);
        await WriteSecurityConfigAsync(confDir, cancellationToken);
        var binary = ServerBinary.Find("mosquitto", "mosquitto");
        _process = ServerProcess.Start(binary, ["-c", configFile], LogFile);
        await File.WriteAllTextAsync(PidFile, _process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            await Eventually.UntilAsync(
                async ct => _process.HasExited ? throw new InvalidOperationException("mosquitto exited at start") : await FreeTcpPort.IsOpenAsync(Port, ct),
                StartTimeout,
                $"Mosquitto to accept connections on 127.0.0.1:{Port} (log: {LogFile})",
                cancellationToken);
        }
        catch
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, CancellationToken.None) : "(no log)";
            throw new InvalidOperationException($"Mosquitto did not start. Its log:\n{log}");
        }
    }

    private async Task WriteSecurityConfigAsync(string confDir, CancellationToken cancellationToken)
    {
        if (_security is null)
        {
            // Test-only: most tests talk to the broker without credentials. The shipped config admits nobody anonymously.
            await File.WriteAllTextAsync(Path.Combine(confDir, "open.conf"), "allow_anonymous true\n", cancellationToken);
            return;
        }

        await File.WriteAllTextAsync(
            Path.Combine(confDir, "security.conf"),
            ConfigTemplate.Render("deploy/mosquitto/security.conf.template", new Dictionary<string, string>
            {
                ["PASSWORD_FILE"] = _security.PasswordFile,
                ["ACL_FILE"] = _security.AclFile,
            }),
            cancellationToken);
        if (_security.HasTls)
        {
            await File.WriteAllTextAsync(
                Path.Combine(confDir, "tls.conf"),
                ConfigTemplate.Render("deploy/mosquitto/tls.conf.template", new Dictionary<string, string>
                {
                    ["TLS_PORT"] = TlsPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["TLS_BIND"] = Host,
                    ["CERT_FILE"] = _security.CertificateFile!,
                    ["KEY_FILE"] = _security.KeyFile!,
                }),
                cancellationToken);
        }
    }

    private void EnsureOwned()
    {
        if (!IsOwned)
        {
            throw new InvalidOperationException($"This broker was not started by the tests ({ReuseVariable} is set); it cannot be stopped.");
        }
    }

    /// <summary>Deletes a stopped server's data dir; test.sh reports one that stays behind.</summary>
    internal static void TryDelete(string dir)
    {
        try
        {
            TempDirectory.Delete(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not a reason to fail the test that used the server; test.sh lists what is left after the run.
        }
    }
}
