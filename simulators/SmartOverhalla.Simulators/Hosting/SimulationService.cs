using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.Models.Streetlights;

namespace SmartOverhalla.Simulators.Hosting;

/// <summary>
/// Runs the whole fleet: one <see cref="DeviceRunner"/> per device, connecting through a shared
/// gate of bounded parallelism, and logs a one-line summary periodically. With a message limit,
/// the host stops by itself once every device has published its messages and gone offline.
/// </summary>
internal sealed class SimulationService(
    IOptions<SimulatorOptions> options,
    IOptions<MqttConnectionOptions> mqttOptions,
    TimeProvider time,
    SimulatorMetrics metrics,
    IEnumerable<ISimulationObserver> observers,
    IHostApplicationLifetime lifetime,
    ILogger<SimulationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var mqtt = mqttOptions.Value;
        logger.SimulationStarting(settings.Streetlights, settings.Watermeters, settings.Ploughs, settings.Municipality, mqtt.Host, mqtt.Port);

        var devices = DeviceFleet.Create(settings, time);
        if (!string.IsNullOrWhiteSpace(settings.WriteFleetFile))
        {
            await FleetList.WriteAsync(settings.WriteFleetFile, devices, stoppingToken);
            logger.FleetWritten(devices.Count, settings.WriteFleetFile);
            lifetime.StopApplication();
            return;
        }

        if (devices.Count == 0)
        {
            logger.NoDevices();
            lifetime.StopApplication();
            return;
        }

        LogInjectedFaults(devices, settings);
        using var connectGate = new SemaphoreSlim(settings.ConnectParallelism, settings.ConnectParallelism);
        var context = new DeviceRunnerContext(mqtt, time, connectGate, metrics, [.. observers], logger, settings.MessagesPerDevice, new MqttClientFactory(), settings.FleetKey);
        var runners = devices.Select(device => new DeviceRunner(device, context)).ToList();
        try
        {
            using var summaryStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var summary = LogSummaryAsync(settings.SummaryInterval, devices.Count, summaryStop.Token);
            await Task.WhenAll(runners.Select(runner => runner.RunAsync(stoppingToken)));
            await summaryStop.CancelAsync();
            await summary;
        }
        finally
        {
            foreach (var runner in runners)
            {
                await runner.DisposeAsync();
            }
        }

        logger.Summary(metrics.Connected, devices.Count, metrics.PublishedTotal, metrics.FailedTotal);
        if (!stoppingToken.IsCancellationRequested && settings.MessagesPerDevice is { } count)
        {
            logger.AllDevicesFinished(count);
            lifetime.StopApplication();
        }
    }

    /// <summary>Says which lights are faulty, so whoever watches the platform knows which alerts to expect.</summary>
    private void LogInjectedFaults(IReadOnlyList<SimulatedDevice> devices, SimulatorOptions settings)
    {
        var faulty = devices.Select(d => (d.DeviceId, Faults: (d.Model as StreetlightModel)?.Faults ?? StreetlightFaults.None))
            .Where(d => d.Faults != StreetlightFaults.None)
            .ToList();
        if (faulty.Count == 0)
        {
            return;
        }

        int Count(StreetlightFaults fault) => faulty.Count(d => (d.Faults & fault) != 0);
        logger.FaultsInjected(
            Count(StreetlightFaults.LampFailure),
            Count(StreetlightFaults.DriverFault),
            Count(StreetlightFaults.NeverAck),
            Count(StreetlightFaults.SlowAck),
            settings.StreetlightFaults.SlowAckDelay);
        foreach (var (deviceId, faults) in faulty)
        {
            logger.DeviceFaulty(deviceId, faults.ToString());
        }
    }

    private async Task LogSummaryAsync(TimeSpan interval, int deviceCount, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                logger.Summary(metrics.Connected, deviceCount, metrics.PublishedTotal, metrics.FailedTotal);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Simulation over.
        }
    }
}
