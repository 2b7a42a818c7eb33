using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using SmartOverhalla.Influx;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.LoRaWan;
using SmartOverhalla.Simulators.Models.Streetlights;
using SmartOverhalla.Simulators.WaterNetwork;

namespace SmartOverhalla.Simulators.Hosting;

/// <summary>
/// Runs the whole fleet: one <see cref="DeviceRunner"/> per device, connecting through a shared
/// gate of bounded parallelism, and logs a one-line summary periodically. With a message limit,
/// the host stops by itself once every device has published its messages and gone offline. Instead of simulating, it
/// writes the fleet list and/or the water registry, or backfills water history (<see cref="WaterBackfill"/>), then stops.
/// </summary>
internal sealed class SimulationService(
    IOptions<SimulatorOptions> options,
    IOptions<MqttConnectionOptions> mqttOptions,
    TimeProvider time,
    SimulatorMetrics metrics,
    IEnumerable<ISimulationObserver> observers,
    WaterBackfill backfill,
    SimulatorRunOutcome outcome,
    IHostApplicationLifetime lifetime,
    ILogger<SimulationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Backfill.Enabled)
        {
            await BackfillAsync(settings, stoppingToken);
            lifetime.StopApplication();
            return;
        }

        var mqtt = mqttOptions.Value;
        logger.SimulationStarting(settings.Streetlights, settings.Watermeters, settings.Ploughs, settings.Municipality, mqtt.Host, mqtt.Port);

        var devices = DeviceFleet.Create(settings, time, out var water);
        LogWaterNetwork(water);
        if (!string.IsNullOrWhiteSpace(settings.WriteFleetFile) || !string.IsNullOrWhiteSpace(settings.Water.RegistryFile))
        {
            await WriteListsAsync(settings, devices, water, stoppingToken);
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
        var clientFactory = new MqttClientFactory();
        await using var networkServer = CreateNetworkServer(settings, mqtt, devices, clientFactory);
        var context = new DeviceRunnerContext(
            mqtt, time, connectGate, metrics, [.. observers], logger, settings.MessagesPerDevice, clientFactory, settings.FleetKey, networkServer, settings.LoRaWan.DuplicateProbability);
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
        if (!string.IsNullOrWhiteSpace(settings.Water.GroundTruthFile) && water.Households.Count > 0)
        {
            // Live mode: what the network did from the start until now (faults drawn with the seed started within its first day).
            var now = time.GetUtcNow();
            await GroundTruthBuilder.WriteAsync(settings.Water.GroundTruthFile, GroundTruthBuilder.Build(water, settings.Seed, now), CancellationToken.None);
            logger.GroundTruthWritten(water.Origin, now, settings.Water.GroundTruthFile);
        }

        if (!stoppingToken.IsCancellationRequested && settings.MessagesPerDevice is { } count)
        {
            logger.AllDevicesFinished(count);
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// The network server's one connection when some devices speak LoRaWAN (logged, with any count the fleet clamped);
    /// null otherwise.
    /// </summary>
    private NetworkServerConnection? CreateNetworkServer(SimulatorOptions settings, MqttConnectionOptions mqtt, IReadOnlyList<SimulatedDevice> devices, MqttClientFactory clientFactory)
    {
        if (!settings.LoRaWan.TryGetMode(out var mode) || mode is null)
        {
            return null;
        }

        var (requestedLights, requestedMeters) = settings.LoRaWan.RequestedCounts();
        var lights = devices.Count(d => d.LoRaWan is not null && d.Kind == DeviceKind.Streetlight);
        var meters = devices.Count(d => d.LoRaWan is not null && d.Kind == DeviceKind.Watermeter);
        if (requestedLights > lights)
        {
            logger.LoRaWanCountClamped(requestedLights, "LoRaWAN street lights", lights);
        }

        if (requestedMeters > meters)
        {
            logger.LoRaWanCountClamped(requestedMeters, "LoRaWAN household water meters", meters);
        }

        logger.LoRaWanFleet(lights, meters, mode.Value.ToString(), settings.NetworkServer.Username);
        return lights + meters == 0
            ? null
            : new NetworkServerConnection(mqtt, settings.NetworkServer, $"{settings.NetworkServer.Username}-{settings.DeviceIdPrefix}", clientFactory, time, metrics, logger);
    }

    private async Task BackfillAsync(SimulatorOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            await backfill.RunAsync(settings, stoppingToken);
            if (!string.IsNullOrWhiteSpace(settings.Water.GroundTruthFile))
            {
                var (from, to) = (settings.Backfill.From!.Value, settings.Backfill.To!.Value);
                var network = WaterNetworkBuilder.Build(settings, from, to);
                await GroundTruthBuilder.WriteAsync(settings.Water.GroundTruthFile, GroundTruthBuilder.Build(network, settings.Seed, to), stoppingToken);
                logger.GroundTruthWritten(from, to, settings.Water.GroundTruthFile);
            }
        }
        catch (InfluxException ex)
        {
            // InfluxDB refused or could not be reached: say so in one line and exit with an error, no stack trace.
            Backfill.Log.BackfillFailed(logger, 0, ex.Message);
            outcome.ExitCode = SimulatorRunOutcome.FailedExitCode;
        }
        catch (IOException ex)
        {
            Backfill.Log.BackfillFailed(logger, 0, ex.Message);
            outcome.ExitCode = SimulatorRunOutcome.FailedExitCode;
        }
    }

    private async Task WriteListsAsync(SimulatorOptions settings, IReadOnlyList<SimulatedDevice> devices, WaterNetworkPlan water, CancellationToken stoppingToken)
    {
        if (!string.IsNullOrWhiteSpace(settings.WriteFleetFile))
        {
            await FleetList.WriteAsync(settings.WriteFleetFile, devices, stoppingToken);
            logger.FleetWritten(devices.Count, settings.WriteFleetFile);
        }

        if (!string.IsNullOrWhiteSpace(settings.Water.RegistryFile))
        {
            await WaterRegistryCsv.WriteAsync(settings.Water.RegistryFile, water, stoppingToken);
            logger.WaterRegistryWritten(water.Households.Count + water.Districts.Count, settings.Water.RegistryFile);
        }
    }

    private void LogWaterNetwork(WaterNetworkPlan water)
    {
        if (water.Households.Count == 0)
        {
            return;
        }

        logger.WaterNetworkPlanned(
            water.Households.Count,
            water.Districts.Count,
            water.Households.Sum(h => h.Leaks.Count),
            water.Households.Sum(h => h.Bursts.Count),
            water.Households.Sum(h => h.Replacements.Count),
            water.Households.Sum(h => h.Holidays.Count),
            water.Districts.Sum(d => d.PipeLeaks.Count));
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
