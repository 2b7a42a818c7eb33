using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// An alert change as a point of measurement <c>alert</c> (README, "Time-series schema"): tags municipality, kind,
/// device, type; a raise at its raise time with <c>active=true</c>, a clear at its clear time with <c>active=false</c>.
/// Both points are in the same series at different times, so history shows when a fault began and ended.
/// </summary>
internal static class AlertPoint
{
    public const string Measurement = "alert";

    public static PointData From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var point = PointData.Measurement(Measurement)
            .Tag("municipality", alert.Municipality)
            .Tag("kind", alert.Kind)
            .Tag("device", alert.Device)
            .Tag("type", AlertCatalogue.WireName(alert.Type))
            .Field("active", alert.Active)
            .Field("severity", AlertCatalogue.WireName(alert.Severity))
            .Field("alertId", alert.Id.ToString("D"));
        if (alert.ClearedAt is { } clearedAt)
        {
            return point
                .Field("message", alert.ClearedMessage ?? AlertCatalogue.ClearedMessage(alert.Type))
                .Field("clearedBy", alert.ClearedBy ?? string.Empty)
                .Timestamp(clearedAt);
        }

        point.Field("message", alert.Message);
        if (alert.Source.Detail is { Length: > 0 } detail)
        {
            point.Field("detail", detail);
        }

        if (alert.Source.CmdId is { } cmdId)
        {
            point.Field("cmdId", cmdId);
        }

        if (alert.Source.Attempts is { } attempts)
        {
            point.Field("attempts", attempts);
        }

        return point.Timestamp(alert.RaisedAt);
    }
}
