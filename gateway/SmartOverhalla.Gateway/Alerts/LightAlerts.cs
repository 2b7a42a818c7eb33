using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Lighting;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>Lighting control's alert port (<see cref="ILightingAlerts"/>), served by the <see cref="AlertCentral"/>.</summary>
internal sealed class LightAlerts(AlertCentral central) : ILightingAlerts
{
    public Task LightUnresponsiveAsync(string municipality, string lightId, SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        central.LightUnresponsive(municipality, lightId, command.CmdId, attempts, since);
        return Task.CompletedTask;
    }

    public void LightAnswered(string municipality, string lightId, CommandAck ack) => central.LightAnswered(municipality, lightId);

    public void LightEvent(string municipality, string lightId, DeviceEvent deviceEvent) =>
        central.DeviceEvent(municipality, DeviceKind.Streetlight, lightId, deviceEvent);
}
