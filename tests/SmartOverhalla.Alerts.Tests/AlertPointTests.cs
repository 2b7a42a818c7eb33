using SmartOverhalla.Lighting.Alerts;

namespace SmartOverhalla.Alerts.Tests;

/// <summary>The <c>alert</c> measurement's points, as dashboards read them.</summary>
public sealed class AlertPointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_RaisedUnresponsiveAlert_IsAnActivePointAtItsRaiseTimeWithTheCommand()
    {
        var ledger = new AlertLedger(new AlertCatalogue(LightingAlertTypes.All), TimeSpan.FromDays(7));
        var alert = ledger.Raise(new AlertKey("overhalla", "streetlight", "lys-1", "unresponsive"), T0, new AlertSource(AlertSource.CommandSilence, CmdId: "c-1", Attempts: 4))!;

        var point = AlertPoint.From(alert);

        Assert.Equal("alert", point.MeasurementName);
        Assert.Equal(
            ["device=lys-1", "kind=streetlight", "municipality=overhalla", "type=unresponsive"],
            point.Tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        var line = point.ToString();
        Assert.Contains("active=true", line, StringComparison.Ordinal);
        Assert.Contains("severity=\"warning\"", line, StringComparison.Ordinal);
        Assert.Contains("message=\"Lyset svarer ikke på kommandoer\"", line, StringComparison.Ordinal);
        Assert.Contains("cmdId=\"c-1\"", line, StringComparison.Ordinal);
        Assert.Contains("attempts=4i", line, StringComparison.Ordinal);
        Assert.Contains($"alertId=\"{alert.Id:D}\"", line, StringComparison.Ordinal);
        Assert.Equal(T0.ToUnixTimeMilliseconds() * 1_000_000, point.TimestampNanoseconds);
    }

    [Fact]
    public void From_ClearedLampAlert_IsAnInactivePointAtItsClearTime()
    {
        var ledger = new AlertLedger(new AlertCatalogue(LightingAlertTypes.All), TimeSpan.FromDays(7));
        var key = new AlertKey("overhalla", "streetlight", "lys-1", "lampFailure");
        ledger.Raise(key, T0, new AlertSource(AlertSource.DeviceEvent, Detail: "no lamp current at 100 %"));
        var cleared = ledger.Clear(key, T0.AddHours(3), "recovered")!;

        var line = AlertPoint.From(cleared).ToString();

        Assert.Contains("active=false", line, StringComparison.Ordinal);
        Assert.Contains("severity=\"critical\"", line, StringComparison.Ordinal);
        Assert.Contains("message=\"Lampen virker igjen\"", line, StringComparison.Ordinal);
        Assert.Contains("clearedBy=\"recovered\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("detail=", line, StringComparison.Ordinal);
        Assert.EndsWith($" {T0.AddHours(3).ToUnixTimeMilliseconds() * 1_000_000}", line, StringComparison.Ordinal);
    }
}
