using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.Support;

/// <summary>An in-process simulator host for one test: its own municipality and ids, fake logs, a recording observer.</summary>
internal sealed class SimulatorHost : IDisposable
{
    private SimulatorHost(IHost host, RecordingObserver observer, FakeLogCollector logs)
    {
        Host = host;
        Observer = observer;
        Logs = logs;
    }

    public IHost Host { get; }

    public RecordingObserver Observer { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>
    /// A host whose devices belong to <paramref name="municipality"/> and use it as id prefix, so
    /// their client ids never clash with another test's on the same broker. With <paramref name="time"/>,
    /// the devices run on that clock (a <c>FakeTimeProvider</c> moves their schedules and delays).
    /// </summary>
    /// <param name="settings">Further configuration keys, e.g. section <c>InfluxDb</c> for a backfill.</param>
    public static SimulatorHost Create(int brokerPort, string municipality, Action<SimulatorOptions> configure, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        var observer = new RecordingObserver();
        builder.Services.AddSingleton<ISimulationObserver>(observer);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddSimulators(
            options =>
            {
                options.Municipality = municipality;
                options.DeviceIdPrefix = municipality;
                options.Streetlights = 0;
                options.Watermeters = 0;
                options.Ploughs = 0;
                configure(options);
            },
            mqtt =>
            {
                mqtt.Host = "127.0.0.1";
                mqtt.Port = brokerPort;
                mqtt.ReconnectDelay = TimeSpan.FromMilliseconds(100);
                mqtt.ConnectTimeout = TimeSpan.FromSeconds(5);
            });
        var host = builder.Build();
        return new SimulatorHost(host, observer, host.Services.GetFakeLogCollector());
    }

    /// <summary>
    /// Starts <paramref name="lights"/> street lights reporting every 100 ms (unless
    /// <paramref name="configure"/> says otherwise) and waits until all are online; they subscribe to
    /// their cmd topics before announcing that, so they can be commanded from then on.
    /// </summary>
    public static async Task<SimulatorHost> StartStreetlightsAsync(
        int brokerPort, string municipality, int lights, Action<SimulatorOptions> configure, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        var simulator = Create(brokerPort, municipality, options =>
        {
            options.Streetlights = lights;
            options.StreetlightInterval = TimeSpan.FromMilliseconds(100);
            configure(options);
        }, time);
        try
        {
            await simulator.Host.StartAsync(cancellationToken);
            await Eventually.UntilAsync(() => simulator.Observer.Statuses(DeviceState.Online).Count == lights, TimeSpan.FromSeconds(60), $"{lights} lights online", cancellationToken);
            return simulator;
        }
        catch
        {
            simulator.Dispose();
            throw;
        }
    }

    /// <summary>Errors the simulator logged; a test fails on any it did not expect.</summary>
    public IReadOnlyList<FakeLogRecord> Errors => [.. Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error)];

    public void Dispose() => Host.Dispose();
}
