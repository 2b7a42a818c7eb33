using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Alerts;
using SmartOverhalla.Influx;
using SmartOverhalla.Lighting.Alerts;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Alerts.Tests;

/// <summary>
/// The alert central alone in a real host, with the lighting domain's alert types, on a clock the test moves (retry
/// delays), writing to a real InfluxDB database of its own, with every log record captured.
/// </summary>
internal sealed class AlertsHost : IAsyncDisposable
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private readonly TempDirectory _state;

    private AlertsHost(IHost host, CapturedLogs logs, TempDirectory state, string database)
    {
        Database = database;
        Host = host;
        Logs = logs;
        _state = state;
    }

    public IHost Host { get; }

    /// <summary>The InfluxDB database the alerts are written to.</summary>
    public string Database { get; }

    public CapturedLogs Logs { get; }

    public AlertCentral Central => Host.Services.GetRequiredService<AlertCentral>();

    public AlertMetrics Metrics => Host.Services.GetRequiredService<AlertMetrics>();

    /// <summary>Raises an unresponsive-light alert, as the gateway's lighting control does.</summary>
    public Alert? Unresponsive(string light, string cmdId, DateTimeOffset at) =>
        Central.Raise(new AlertKey("overhalla", LightingAlertTypes.Kind, light, LightingAlertTypes.Unresponsive.Type), at, new AlertSource(AlertSource.CommandSilence, CmdId: cmdId, Attempts: 4));

    /// <summary>Raises a lamp-failure alert, as a light's event does.</summary>
    public Alert? LampFailure(string light, DateTimeOffset at) =>
        Central.Raise(new AlertKey("overhalla", LightingAlertTypes.Kind, light, LightingAlertTypes.LampFailure.Type), at, new AlertSource(AlertSource.DeviceEvent, Detail: "no lamp current"));

    public static async Task<AlertsHost> StartAsync(Uri influxUrl, Uri webhook, TimeProvider clock, int maxAttempts, CancellationToken ct)
    {
        var database = TestNames.Database();
        using (var influx = new InfluxTestClient(influxUrl, database))
        {
            await influx.Schema.EnsureDatabaseAsync(ct);
        }

        var state = new TempDirectory("so-alerts-");
        var (host, logs) = TestHost.Build(
            new Dictionary<string, string?>
            {
                ["InfluxDb:Url"] = influxUrl.ToString(),
                ["InfluxDb:Database"] = database,
                ["Alerts:StateFile"] = state.File("alerts.json"),
                ["Alerts:Webhook:Url"] = webhook.ToString(),
                ["Alerts:Webhook:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
                ["Alerts:Webhook:BaseDelay"] = "00:00:01",
                ["Alerts:Webhook:MaxDelay"] = MaxDelay.ToString("c", CultureInfo.InvariantCulture),
                // Far beyond what the test moves the clock while one attempt is in flight: no attempt times out by accident.
                ["Alerts:Webhook:AttemptTimeout"] = "00:05:00",
            },
            builder =>
            {
                builder.Services.AddInfluxDb(builder.Configuration.GetSection(InfluxOptions.SectionName));
                builder.Services.AddAlertCentral(builder.Configuration);
                builder.Services.AddAlertDefinitions(LightingAlertTypes.All);
            },
            services => services.AddSingleton(clock));
        try
        {
            await host.StartAsync(ct);
        }
        catch
        {
            host.Dispose();
            state.Dispose();
            throw;
        }

        return new AlertsHost(host, logs, state, database);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
            Host.Dispose();
        }
        finally
        {
            _state.Dispose();
        }
    }
}
