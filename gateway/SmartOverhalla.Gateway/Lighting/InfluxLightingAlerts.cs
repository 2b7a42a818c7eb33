using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Writes alerts as points of measurement <c>alert</c> (tags municipality, kind, device, type; fields active,
/// message), where dashboards and alert rules read them. A failed write is logged; it never stops control.
/// </summary>
internal sealed class InfluxLightingAlerts(IInfluxWriter writer, ILogger<InfluxLightingAlerts> logger) : ILightingAlerts
{
    public const string Measurement = "alert";

    public async Task LightUnresponsiveAsync(string municipality, string lightId, SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var point = PointData.Measurement(Measurement)
            .Tag("municipality", municipality)
            .Tag("kind", "streetlight")
            .Tag("device", lightId)
            .Tag("type", "unresponsive")
            .Field("active", true)
            .Field("cmdId", command.CmdId)
            .Field("message", $"No ack to setDim {command.Level} % after {attempts} attempts")
            .Timestamp(since);
        try
        {
            await writer.WriteAsync([point], cancellationToken);
        }
        catch (InfluxException ex)
        {
            Log.AlertWriteFailed(logger, lightId, ex.Message);
        }
    }
}
