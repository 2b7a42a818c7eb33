using Microsoft.Extensions.Logging;
using MQTTnet;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>What all device runners of one simulation share.</summary>
/// <param name="ConnectGate">Bounds how many devices connect at the same moment.</param>
/// <param name="MessageLimit">Telemetry messages after which a device stops; none runs until stopped.</param>
/// <param name="FleetKey">When set, each device logs in with its own fleet-key credentials.</param>
internal sealed record DeviceRunnerContext(
    MqttConnectionOptions Mqtt,
    TimeProvider Time,
    SemaphoreSlim ConnectGate,
    SimulatorMetrics Metrics,
    IReadOnlyList<ISimulationObserver> Observers,
    ILogger Logger,
    int? MessageLimit,
    MqttClientFactory ClientFactory,
    string? FleetKey = null);
