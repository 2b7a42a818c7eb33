using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Matching;

namespace SmartOverhalla.Ploughing.Distances;

/// <summary>
/// Metres driven per vehicle and local day, plough down and in transport. Between matched fixes the way along the roads
/// counts (GPS noise across a road is no driving); elsewhere (off the network, where a track was cut) the straight line
/// between fixes no further apart than <see cref="MapMatchingSettings.MaxGap"/>. A fix's plough state describes the
/// stretch that ends at it, and so does its day.
/// </summary>
public static class DrivenDistances
{
    public static IReadOnlyList<VehicleDay> PerDay(string vehicleId, MatchedTrack track, TimeZoneInfo zone, TimeSpan maxGap)
    {
        ArgumentException.ThrowIfNullOrEmpty(vehicleId);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(zone);
        var points = track.Points;
        var routed = new double?[points.Count];
        var spanned = new bool[points.Count];
        foreach (var leg in track.Legs)
        {
            routed[leg.To] = leg.RouteMetres;
            for (var i = leg.From + 1; i <= leg.To; i++)
            {
                spanned[i] = true;
            }
        }

        var days = new SortedDictionary<DateOnly, (double Down, double Transport)>();
        for (var i = 1; i < points.Count; i++)
        {
            var (from, to) = (points[i - 1].Point, points[i].Point);
            double metres;
            if (routed[i] is { } route)
            {
                metres = route;
            }
            else if (!spanned[i] && to.Time - from.Time <= maxGap)
            {
                metres = Utm33.Project(from.Lon, from.Lat).Distance(Utm33.Project(to.Lon, to.Lat));
            }
            else
            {
                continue;
            }

            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to.Time, zone).DateTime);
            var (down, transport) = days.GetValueOrDefault(day);
            days[day] = to.PloughDown ? (down + metres, transport) : (down, transport + metres);
        }

        return [.. days.Select(d => new VehicleDay(vehicleId, d.Key, d.Value.Down, d.Value.Transport))];
    }
}
