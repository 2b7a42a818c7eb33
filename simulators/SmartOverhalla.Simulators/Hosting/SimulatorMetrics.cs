using System.Diagnostics.Metrics;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Hosting;

/// <summary>
/// Counters of the simulators (meter <c>SmartOverhalla.Simulators</c>), also kept as totals for the
/// periodic log summary.
/// </summary>
internal sealed class SimulatorMetrics
{
    public const string MeterName = "SmartOverhalla.Simulators";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _connects;
    private readonly Counter<long> _connectFailures;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _downlinks;
    private long _malformedDownlinks;
    private long _publishedTotal;
    private long _failedTotal;
    private int _connected;

    public SimulatorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("smartoverhalla.simulators.messages.published", "{message}", "Messages the broker acknowledged.");
        _publishFailures = meter.CreateCounter<long>("smartoverhalla.simulators.messages.failed", "{message}", "Publish attempts that failed or were refused.");
        _connects = meter.CreateCounter<long>("smartoverhalla.simulators.connects", "{connect}", "Successful device connections, reconnections included.");
        _connectFailures = meter.CreateCounter<long>("smartoverhalla.simulators.connects.failed", "{connect}", "Failed device connection attempts.");
        _commands = meter.CreateCounter<long>("smartoverhalla.simulators.commands", "{command}", "Commands received by simulated devices, by outcome (applied, rejected, duplicate, dropped).");
        _downlinks = meter.CreateCounter<long>("smartoverhalla.simulators.lorawan.downlinks", "{downlink}", "LoRaWAN downlinks the simulated network server received, by outcome (accepted, malformed).");
        meter.CreateObservableUpDownCounter("smartoverhalla.simulators.devices.connected", () => Volatile.Read(ref _connected), "{device}", "Devices connected now.");
    }

    public long PublishedTotal => Interlocked.Read(ref _publishedTotal);

    public long FailedTotal => Interlocked.Read(ref _failedTotal);

    public int Connected => Volatile.Read(ref _connected);

    /// <summary>LoRaWAN downlinks dropped as malformed since start.</summary>
    public long MalformedDownlinks => Interlocked.Read(ref _malformedDownlinks);

    /// <summary>One LoRaWAN downlink received: <c>accepted</c> or <c>malformed</c>.</summary>
    public void DownlinkReceived(bool malformed)
    {
        if (malformed)
        {
            Interlocked.Increment(ref _malformedDownlinks);
        }

        _downlinks.Add(1, new KeyValuePair<string, object?>("downlink.outcome", malformed ? "malformed" : "accepted"));
    }

    public void Published(DeviceKind kind, MessageType message)
    {
        Interlocked.Increment(ref _publishedTotal);
        _published.Add(1, new KeyValuePair<string, object?>("device.kind", TopicNames.Of(kind)), new KeyValuePair<string, object?>("message.type", TopicNames.Of(message)));
    }

    public void PublishFailed(DeviceKind kind, MessageType message)
    {
        Interlocked.Increment(ref _failedTotal);
        _publishFailures.Add(1, new KeyValuePair<string, object?>("device.kind", TopicNames.Of(kind)), new KeyValuePair<string, object?>("message.type", TopicNames.Of(message)));
    }

    public void DeviceConnected(DeviceKind kind)
    {
        Interlocked.Increment(ref _connected);
        _connects.Add(1, new KeyValuePair<string, object?>("device.kind", TopicNames.Of(kind)));
    }

    public void DeviceDisconnected() => Interlocked.Decrement(ref _connected);

    public void ConnectFailed(DeviceKind kind) =>
        _connectFailures.Add(1, new KeyValuePair<string, object?>("device.kind", TopicNames.Of(kind)));

    /// <summary>One command received; <paramref name="outcome"/> is one of <c>CommandOutcomes</c>.</summary>
    public void CommandHandled(string outcome) =>
        _commands.Add(1, new KeyValuePair<string, object?>("command.outcome", outcome));
}
