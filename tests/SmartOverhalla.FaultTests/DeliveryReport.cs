using System.Globalization;

namespace SmartOverhalla.FaultTests;

/// <summary>What was sent against what InfluxDB holds, counted per device and device timestamp.</summary>
internal sealed record DeliveryReport(long Sent, long Stored, long Missing, long Duplicated, long Extra)
{
    public string Describe(string scenario, TimeSpan catchUp, long? spooledPoints, long publishRetries) => string.Create(
        CultureInfo.InvariantCulture,
        $"{scenario}: sent {Sent}, stored {Stored}, missing {Missing}, duplicated {Duplicated}, extra {Extra}, " +
        $"spooled {(spooledPoints is { } s ? s.ToString(CultureInfo.InvariantCulture) : "n/a")} points, " +
        $"time to catch up {catchUp.TotalSeconds:0.0} s, publishes repeated after a broker loss {publishRetries}");
}
