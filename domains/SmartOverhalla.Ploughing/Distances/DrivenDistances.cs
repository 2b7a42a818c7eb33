using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Matching;

namespace SmartOverhalla.Ploughing.Distances;

/// <summary>
/// Metres driven, plough down and in transport. Between matched fixes the way along the roads counts (GPS noise across a
/// road is no driving); elsewhere (off the network, where a track was cut) the straight line between fixes no further
/// apart than <see cref="MapMatchingSettings.MaxGap"/>, unless it would need more than
/// <see cref="MapMatchingSettings.MaxSpeedKmh"/> (a glitch). A stretch between two fixes that both report standing
/// (under <see cref="StandingKmh"/>) is GPS noise of a parked vehicle, not driving. A fix's plough state describes the
/// stretch that ends at it, and so does its time.
/// </summary>
public static class DrivenDistances
{
    /// <summary>Below this reported speed a vehicle stands.</summary>
    public const double StandingKmh = 2;

    /// <summary>Per local day in <paramref name="zone"/> (Europe/Oslo for contractors' days).</summary>
    public static IReadOnlyList<VehicleDay> PerDay(string vehicleId, MatchedTrack track, TimeZoneInfo zone, MapMatchingSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(vehicleId);
        ArgumentNullException.ThrowIfNull(zone);
        var days = new SortedDictionary<DateOnly, (double Down, double Transport)>();
        foreach (var (end, ploughDown, metres) in Stretches(track, settings ?? MapMatchingSettings.Default))
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime);
            var (down, transport) = days.GetValueOrDefault(day);
            days[day] = ploughDown ? (down + metres, transport) : (down, transport + metres);
        }

        return [.. days.Select(d => new VehicleDay(vehicleId, d.Key, d.Value.Down, d.Value.Transport))];
    }

    /// <summary>The metres of the stretches that end in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static (double PloughDownMetres, double TransportMetres) Within(MatchedTrack track, DateTimeOffset from, DateTimeOffset to, MapMatchingSettings? settings = null)
    {
        var (down, transport) = (0.0, 0.0);
        foreach (var (end, ploughDown, metres) in Stretches(track, settings ?? MapMatchingSettings.Default))
        {
            if (end >= from && end < to)
            {
                (down, transport) = ploughDown ? (down + metres, transport) : (down, transport + metres);
            }
        }

        return (down, transport);
    }

    /// <summary>Each stretch between two fixes that counts: when it ended, its plough state and its metres.</summary>
    private static IEnumerable<(DateTimeOffset End, bool PloughDown, double Metres)> Stretches(MatchedTrack track, MapMatchingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(track);
        var points = track.Points;
        var routed = new TrackLeg?[points.Count];
        var spanned = new bool[points.Count];
        foreach (var leg in track.Legs)
        {
            routed[leg.To] = leg;
            for (var i = leg.From + 1; i <= leg.To; i++)
            {
                spanned[i] = true;
            }
        }

        for (var i = 1; i < points.Count; i++)
        {
            var (from, to) = (points[i - 1].Point, points[i].Point);
            if (routed[i] is { } leg)
            {
                if (points[leg.From].Point.SpeedKmh < StandingKmh && to.SpeedKmh < StandingKmh)
                {
                    continue;
                }

                // Across glitch fixes, each fix's plough state counts for its share of the leg's time.
                var down = track.PloughDownShare(leg);
                if (down > 0)
                {
                    yield return (to.Time, true, leg.RouteMetres * down);
                }

                if (down < 1)
                {
                    yield return (to.Time, false, leg.RouteMetres * (1 - down));
                }

                continue;
            }

            if (from.SpeedKmh < StandingKmh && to.SpeedKmh < StandingKmh)
            {
                continue;
            }

            if (!spanned[i] && to.Time - from.Time is var elapsed && elapsed <= settings.MaxGap)
            {
                var metres = Utm33.Project(from.Lon, from.Lat).Distance(Utm33.Project(to.Lon, to.Lat));
                if (metres <= settings.MaxSpeedKmh / 3.6 * elapsed.TotalSeconds)
                {
                    yield return (to.Time, to.PloughDown, metres);
                }
            }
        }
    }
}
