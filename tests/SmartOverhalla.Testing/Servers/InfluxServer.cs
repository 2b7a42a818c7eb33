using System.Globalization;

namespace SmartOverhalla.Testing.Servers;

/// <summary>
/// A real InfluxDB 1.x on 127.0.0.1, started from the project's deploy/influxdb config with its own data
/// dir, or an already running one named by <c>SMARTOVERHALLA_TEST_INFLUX_URL</c>.
/// <see cref="StartWithAuthenticationAsync"/> starts one with <c>auth-enabled = true</c> and an admin user instead.
/// </summary>
public sealed class InfluxServer : IAsyncDisposable
{
    public const string ReuseVariable = "SMARTOVERHALLA_TEST_INFLUX_URL";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient PingClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string _dataDir;
    private readonly int _rpcPort;
    private ServerProcess? _process;

    private const string AuthDisabled = "auth-enabled = false";

    private InfluxServer(Uri url, string dataDir, int rpcPort, bool owned, string? adminUser = null, string? adminPassword = null)
    {
        Url = url;
        _dataDir = dataDir;
        _rpcPort = rpcPort;
        IsOwned = owned;
        AdminUser = adminUser;
        AdminPassword = adminPassword;
    }

    /// <summary>Base URL of the HTTP API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>False when the tests reuse a server they did not start (then it cannot be stopped).</summary>
    public bool IsOwned { get; }

    /// <summary>The PID of the server process this run started (null when reused or stopped), e.g. to sample its CPU time.</summary>
    public int? ProcessId => _process?.Pid;

    public string LogFile => Path.Combine(_dataDir, "influxd.log");

    /// <summary>The admin user of a server started by <see cref="StartWithAuthenticationAsync"/>; null when authentication is off.</summary>
    public string? AdminUser { get; }

    /// <summary>The password of <see cref="AdminUser"/> (random per server).</summary>
    public string? AdminPassword { get; }

    /// <summary>True when the HTTP API requires credentials (<see cref="StartWithAuthenticationAsync"/>).</summary>
    public bool IsAuthEnabled => AdminUser is not null;

    public static async Task<InfluxServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var reuse = Environment.GetEnvironmentVariable(ReuseVariable);
        if (!string.IsNullOrEmpty(reuse))
        {
            return new InfluxServer(new Uri(reuse), string.Empty, 0, owned: false);
        }

        var dataDir = Directory.CreateTempSubdirectory("so-influxdb-").FullName;
        var port = FreeTcpPort.Next();
        var server = new InfluxServer(new Uri($"http://127.0.0.1:{port}/"), dataDir, FreeTcpPort.Next(), owned: true);
        try
        {
            await server.StartProcessAsync(cancellationToken);
        }
        catch
        {
            // A server that did not start is stopped and its data dir deleted: no caller gets it to dispose.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Starts an InfluxDB of its own (never the shared one of <see cref="ReuseVariable"/>, whose settings are unknown)
    /// from the shipped config with <c>auth-enabled = true</c>, and creates the first admin user, which InfluxDB
    /// allows without credentials. Everything else (databases, users, grants) is up to the test, through
    /// <see cref="ExecuteAsAdminAsync"/>.
    /// </summary>
    public static async Task<InfluxServer> StartWithAuthenticationAsync(CancellationToken cancellationToken = default)
    {
        var dataDir = Directory.CreateTempSubdirectory("so-influxdb-").FullName;
        var port = FreeTcpPort.Next();
        var server = new InfluxServer(
            new Uri($"http://127.0.0.1:{port}/"), dataDir, FreeTcpPort.Next(), owned: true, "admin", Guid.NewGuid().ToString("N"));
        try
        {
            await server.StartProcessAsync(cancellationToken);
            await server.ExecuteAsync(
                $"CREATE USER \"{server.AdminUser}\" WITH PASSWORD '{server.AdminPassword}' WITH ALL PRIVILEGES", withCredentials: false, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Runs InfluxQL (POST /query) as <see cref="AdminUser"/>, e.g. <c>CREATE USER</c>, <c>GRANT</c>; throws on any error.</summary>
    public Task ExecuteAsAdminAsync(string influxQl, CancellationToken cancellationToken = default)
    {
        if (!IsAuthEnabled)
        {
            throw new InvalidOperationException("This InfluxDB runs without authentication; start it with StartWithAuthenticationAsync.");
        }

        return ExecuteAsync(influxQl, withCredentials: true, cancellationToken);
    }

    /// <summary>Stops the server (graceful; data stays) — for fault tests.</summary>
    public async Task StopAsync()
    {
        EnsureOwned();
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(20));
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts a stopped server again on the same port and data.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) => StartProcessAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!IsOwned)
        {
            return;
        }

        await StopAsync();
        MosquittoServer.TryDelete(_dataDir);
    }

    /// <summary>True when <c>/ping</c> answers 204.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await PingClient.GetAsync(new Uri(Url, "ping"), cancellationToken);
            return response.StatusCode == System.Net.HttpStatusCode.NoContent;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ExecuteAsync(string influxQl, bool withCredentials, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "query"))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", influxQl)]),
        };
        if (withCredentials)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AdminUser}:{AdminPassword}")));
        }

        using var response = await PingClient.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        // Statement errors come back with 200 and an "error" member in the result.
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"InfluxDB refused '{influxQl}': {(int)response.StatusCode} {body}");
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        EnsureOwned();
        var config = ConfigTemplate.Render("deploy/influxdb/influxdb.conf.template", new Dictionary<string, string>
        {
            ["DATA_DIR"] = _dataDir,
            ["HTTP_PORT"] = Url.Port.ToString(CultureInfo.InvariantCulture),
            ["RPC_PORT"] = _rpcPort.ToString(CultureInfo.InvariantCulture),
        });
        if (IsAuthEnabled)
        {
            // Only this test server turns authentication on; the shipped template keeps it off for the local run.
            if (!config.Contains(AuthDisabled, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"deploy/influxdb/influxdb.conf.template no longer contains '{AuthDisabled}'; update InfluxServer's authentication mode.");
            }

            config = config.Replace(AuthDisabled, "auth-enabled = true", StringComparison.Ordinal);
        }

        var configFile = Path.Combine(_dataDir, "influxdb.conf");
        await File.WriteAllTextAsync(configFile, config, cancellationToken);
        var binary = ServerBinary.Find("influxd", "influxdb");
        _process = ServerProcess.Start(binary, ["run", "-config", configFile], LogFile);
        try
        {
            await Eventually.UntilAsync(
                async ct => _process.HasExited ? throw new InvalidOperationException("influxd exited at start") : await IsReadyAsync(ct),
                StartTimeout,
                $"InfluxDB to answer /ping on {Url} (log: {LogFile})",
                cancellationToken);
        }
        catch
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, CancellationToken.None) : "(no log)";
            throw new InvalidOperationException($"InfluxDB did not start. Its log:\n{log}");
        }
    }

    private void EnsureOwned()
    {
        if (!IsOwned)
        {
            throw new InvalidOperationException($"This InfluxDB was not started by the tests ({ReuseVariable} is set); it cannot be stopped.");
        }
    }
}
