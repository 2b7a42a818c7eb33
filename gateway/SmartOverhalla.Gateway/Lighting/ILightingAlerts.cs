using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Where lighting control raises alerts.</summary>
internal interface ILightingAlerts
{
    Task LightUnresponsiveAsync(string municipality, string lightId, SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken);
}
