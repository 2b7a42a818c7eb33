using Microsoft.Extensions.Logging;
using MQTTnet;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.LoRaWan;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>What all device runners of one simulation share.</summary>
/// <param name="ConnectGate">Bounds how many devices connect at the same moment.</param>
/// <param name="MessageLimit">Telemetry messages after which a device stops; none runs until stopped.</param>
/// <param name="FleetKey">When set, each device logs in with its own fleet-key credentials.</param>
/// <param name="NetworkServer">The simulated LoRaWAN network server's connection, when some devices speak LoRaWAN.</param>
/// <param name="LoRaWanDuplicateProbability">Share of LoRaWAN uplinks the integration publishes twice.</param>
internal sealed record DeviceRunnerContext(
    MqttConnectionOptions Mqtt,
    TimeProvider Time,
    SemaphoreSlim ConnectGate,
    SimulatorMetrics Metrics,
    IReadOnlyList<ISimulationObserver> Observers,
    ILogger Logger,
    int? MessageLimit,
    MqttClientFactory ClientFactory,
    string? FleetKey = null,
    NetworkServerConnection? NetworkServer = null,
    double LoRaWanDuplicateProbability = 0);
