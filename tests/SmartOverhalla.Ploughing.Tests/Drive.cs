using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Ploughing.Tests;

/// <summary>
/// Hand-made tracks: a vehicle driving stretches of segments at one speed, a fix every few seconds with seeded GPS noise
/// (uniform, up to <see cref="NoiseMetres"/> per axis), its heading the direction driven.
/// </summary>
internal sealed class Drive(DateTimeOffset start, double speedKmh = 40, double noiseMetres = 3, double hdop = 0.9, int seed = 1)
{
    private readonly Random _random = new(seed);
    private readonly List<Coordinate> _path = [];

    public static readonly DateTimeOffset Morning = new(2026, 12, 8, 6, 0, 0, TimeSpan.Zero);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public double NoiseMetres => noiseMetres;

    /// <summary>Adds the stretch of <paramref name="segment"/> from and to metres along it, in 1 m steps.</summary>
    public Drive Along(RoadSegment segment, double fromMetres, double toMetres)
    {
        var line = new LengthIndexedLine(segment.Projected);
        var steps = (int)Math.Ceiling(Math.Abs(toMetres - fromMetres));
        for (var i = 0; i <= steps; i++)
        {
            _path.Add(line.ExtractPoint(fromMetres + (toMetres - fromMetres) * i / steps));
        }

        return this;
    }

    public Drive Along(RoadSegment segment) => Along(segment, 0, segment.LengthMetres);

    /// <summary>The fixes along the path, from <c>start</c>, with the plough down unless <paramref name="ploughDown"/> says otherwise.</summary>
    public List<TrackPoint> Fixes(bool ploughDown = true)
    {
        var fixes = new List<TrackPoint>();
        var stepMetres = speedKmh / 3.6 * Interval.TotalSeconds;
        var along = new LengthIndexedLine(new LineString([.. _path]));
        var length = along.EndIndex;
        // A fix every interval, and one where the vehicle reaches the end of the path.
        var times = Enumerable.Range(0, (int)Math.Floor(length / stepMetres) + 1).Select(i => (Metres: i * stepMetres, Time: start + Interval * i));
        if (length % stepMetres > 1e-6)
        {
            times = times.Append((length, start + TimeSpan.FromSeconds(length / (speedKmh / 3.6))));
        }

        foreach (var (metres, time) in times)
        {
            var here = along.ExtractPoint(metres);
            var ahead = along.ExtractPoint(Math.Min(length, metres + 1));
            var behind = along.ExtractPoint(Math.Max(0, metres - 1));
            var heading = (Math.Atan2(ahead.X - behind.X, ahead.Y - behind.Y) * 180 / Math.PI + 360) % 360;
            var noisy = new Coordinate(here.X + Noise(), here.Y + Noise());
            var (lon, lat) = Utm33.ToLonLat(noisy);
            fixes.Add(new TrackPoint(time, lon, lat, speedKmh, heading, ploughDown, hdop));
        }

        return fixes;
    }

    /// <summary>A fix at UTM 33N <paramref name="utm"/>.</summary>
    public static TrackPoint FixAt(Coordinate utm, DateTimeOffset time, bool ploughDown = true)
    {
        var (lon, lat) = Utm33.ToLonLat(utm);
        return new TrackPoint(time, lon, lat, 40, null, ploughDown, 0.9);
    }

    private double Noise() => (_random.NextDouble() * 2 - 1) * noiseMetres;
}
