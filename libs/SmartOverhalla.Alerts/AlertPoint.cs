using SmartOverhalla.Influx;

namespace SmartOverhalla.Alerts;

/// <summary>
/// An alert change as a point of measurement <c>alert</c> (README, "Time-series schema"): tags municipality, kind,
/// device, type; a raise at its raise time with <c>active=true</c>, an update of its figures at the update's time (still
/// active), a clear at its clear time with <c>active=false</c>. All in the same series at different times, so history
/// shows when a fault began, how it grew and when it ended. The alert's figures are fields of their own (e.g.
/// <c>estimatedLitresLost</c>).
/// </summary>
public static class AlertPoint
{
    public const string Measurement = "alert";

    public static PointData From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var point = PointData.Measurement(Measurement)
            .Tag("municipality", alert.Municipality)
            .Tag("kind", alert.Kind)
            .Tag("device", alert.Device)
            .Tag("type", alert.Type)
            .Field("domain", alert.Domain)
            .Field("active", alert.Active)
            .Field("severity", AlertCatalogue.WireName(alert.Severity))
            .Field("alertId", alert.Id.ToString("D"));
        if (alert.ClearedAt is { } clearedAt)
        {
            return point
                .Field("message", alert.ClearedMessage ?? alert.Message)
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

        if (alert.Source.Job is { } job)
        {
            point.Field("job", job);
        }

        foreach (var (name, value) in alert.Values ?? new Dictionary<string, double>())
        {
            point.Field(name, value);
        }

        return point.Timestamp(alert.UpdatedAt ?? alert.RaisedAt);
    }
}
