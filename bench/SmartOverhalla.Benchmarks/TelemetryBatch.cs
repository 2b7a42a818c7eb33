using SmartOverhalla.Influx;

namespace SmartOverhalla.Benchmarks;

/// <summary>
/// A deterministic batch shaped like the platform's telemetry (design.md, device contract): streetlights, water
/// meters and ploughs in the proportions of a municipality, each reading as the ingestion worker turns it into a point.
/// </summary>
public static class TelemetryBatch
{
    public const int Size = 5_000;

    private static readonly DateTimeOffset Start = new(2025, 1, 15, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Raw readings, so a benchmark can measure building the points as well as encoding them.</summary>
    public static Reading[] CreateReadings(int seed = 42)
    {
        var random = new Random(seed);
        var readings = new Reading[Size];
        for (var i = 0; i < Size; i++)
        {
            var kind = (i % 10) switch
            {
                < 6 => DeviceKind.Streetlight,
                < 9 => DeviceKind.Watermeter,
                _ => DeviceKind.Plough,
            };
            readings[i] = new Reading(
                kind,
                $"{kind.ToString().ToLowerInvariant()}-{random.Next(1, 2_000):D4}",
                $"zone {random.Next(1, 12)}",
                Start.AddMilliseconds(i * 37),
                random.NextDouble() * 100,
                random.NextDouble() * 1_000_000,
                random.Next(0, 101),
                random.Next(2) == 1);
        }

        return readings;
    }

    public static PointData ToPoint(in Reading reading)
    {
        var point = PointData.Measurement(reading.Kind switch
            {
                DeviceKind.Streetlight => "streetlight",
                DeviceKind.Watermeter => "watermeter",
                _ => "plough",
            })
            .Tag("municipality", "overhalla")
            .Tag("device", reading.DeviceId)
            .Tag("zone", reading.Zone);
        _ = reading.Kind switch
        {
            DeviceKind.Streetlight => point.Field("dimLevel", (long)reading.Level).Field("powerW", reading.Value).Field("energyKWh", reading.Total).Field("lampOn", reading.Flag),
            DeviceKind.Watermeter => point.Field("volumeL", reading.Total).Field("flowLph", reading.Value).Field("batteryPct", (long)reading.Level).Field("leak", reading.Flag),
            _ => point.Field("lat", 64.5 + (reading.Value / 1_000)).Field("lon", 11.9 + (reading.Total / 1e8)).Field("speedKmh", reading.Value / 2).Field("ploughDown", reading.Flag).Field("spreading", reading.Flag ? "salt" : "none"),
        };
        return point.Timestamp(reading.Timestamp);
    }
}
