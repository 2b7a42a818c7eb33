using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.LoRaWan;
using SmartOverhalla.Simulators.Models;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>One simulated device: who it is, what it measures and when it reports.</summary>
/// <param name="Telemetry">The device's telemetry topic (municipality, kind and id).</param>
/// <param name="Model">Produces the device's telemetry; if it is an <see cref="ICommandTarget"/>, the device takes commands.</param>
/// <param name="Interval">Time between two telemetry messages.</param>
/// <param name="PhaseOffset">Delay before the first message, so a fleet does not report all at once.</param>
internal sealed record SimulatedDevice(DeviceTopic Telemetry, IDeviceModel Model, TimeSpan Interval, TimeSpan PhaseOffset)
{
    public string DeviceId => Telemetry.DeviceId;

    public DeviceKind Kind => Telemetry.Kind;

    public DeviceTopic Status => Telemetry.With(MessageType.Status);

    /// <summary>When the device acks the commands it handled (at once unless a fault is injected).</summary>
    public AckPolicy Acks { get; init; } = AckPolicy.Immediate;

    /// <summary>Late and duplicated delivery of telemetry (water meters in live mode); null: every reading once, at once.</summary>
    public RadioDelivery? Radio { get; init; }

    /// <summary>Who the device is on its LoRaWAN network server, when it speaks through one (it then never logs in itself).</summary>
    public LoRaWanIdentity? LoRaWan { get; init; }

    /// <summary>
    /// When set, a reading follows this soon after the device handled a command, instead of at its next tick: a LoRaWAN
    /// Class A device reports the new level in its next uplink, and control should not wait a whole interval for it.
    /// </summary>
    public TimeSpan? ReportAfterCommand { get; init; }

    /// <summary>The model's command side, when the device takes commands.</summary>
    public ICommandTarget? Commands => Model as ICommandTarget;
}
