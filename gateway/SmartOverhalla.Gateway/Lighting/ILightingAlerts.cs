using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Where lighting control reports what may raise or clear an alert (served by the gateway's alerts,
/// <c>Alerts/</c>). Implementations must not wait on I/O: they are called on the MQTT receive path and in the control loop.
/// </summary>
internal interface ILightingAlerts
{
    /// <summary>No ack to <paramref name="command"/> after <paramref name="attempts"/> attempts: the light is unresponsive.</summary>
    Task LightUnresponsiveAsync(string municipality, string lightId, SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken);

    // The two reports below do nothing by default, so that a stand-in which only counts unresponsive lights
    // (control tests on a fake clock) need not implement them.

    /// <summary>The light acked a command (also a late ack): it answers again.</summary>
    void LightAnswered(string municipality, string lightId, CommandAck ack)
    {
    }

    /// <summary>The light sent an event (<c>lampFailure</c>, <c>driverFault</c>, <c>recovered</c>, ...), already validated.</summary>
    void LightEvent(string municipality, string lightId, DeviceEvent deviceEvent)
    {
    }
}
