using SmartOverhalla.Influx;
using SmartOverhalla.Ploughing.Passes;

namespace SmartOverhalla.DerivedSeries.Ploughing;

/// <summary>
/// The ploughing series in InfluxDB, written by the analytics host's map matching job and read by Grafana and the
/// gateway. They identify the vehicle (tag <c>device</c>), never a driver.
/// <c>plough_pass</c>: one pass of a vehicle along a segment, stamped at its start; tags <c>municipality</c>,
/// <c>device</c>, <c>segment</c>, <c>priority</c>; fields <c>road</c> (the road's name), <c>durationS</c>,
/// <c>coveredM</c>, <c>coveredShare</c> (0–1), <c>segmentM</c>.
/// <c>plough_distance</c>: metres driven in one window of the job (stretches ending in it), stamped at the window's
/// start; tags <c>municipality</c>, <c>device</c>; fields <c>ploughDownKm</c>, <c>transportKm</c>. A day's kilometres are
/// the sum over the day (<c>GROUP BY time(1d) tz('Europe/Oslo')</c>).
/// </summary>
public sealed class PloughSeries(IInfluxWriter writer, IInfluxQueryClient influx)
{
    public const string PassMeasurement = "plough_pass";
    public const string DistanceMeasurement = "plough_distance";

    /// <summary>
    /// Replaces the passes of <paramref name="vehicle"/> that start in [<paramref name="from"/>, <paramref name="to"/>):
    /// matched again with late fixes, a pass may start earlier or later than before, so the old ones go first.
    /// </summary>
    public async Task ReplacePassesAsync(
        string municipality, string vehicle, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<PloughPass> passes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passes);
        await influx.QueryAsync(
            $"DELETE FROM \"{PassMeasurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND \"device\" = {InfluxQl.QuoteString(vehicle)} " +
            $"AND time >= {InfluxQl.FormatTime(from)} AND time < {InfluxQl.FormatTime(to)}",
            cancellationToken);
        if (passes.Count == 0)
        {
            return;
        }

        var points = passes.Select(pass => PointData.Measurement(PassMeasurement)
                .Tag("municipality", municipality)
                .Tag("device", vehicle)
                .Tag("segment", pass.Segment.Id)
                .Tag("priority", pass.Segment.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Field("road", pass.Segment.Name)
                .Field("durationS", (pass.End - pass.Start).TotalSeconds)
                .Field("coveredM", pass.CoveredMetres)
                .Field("coveredShare", pass.CoveredShare)
                .Field("segmentM", pass.Segment.LengthMetres)
                .Timestamp(pass.Start))
            .ToList();
        await writer.WriteAsync(points, cancellationToken);
    }

    public Task WriteDistanceAsync(
        string municipality, string vehicle, DateTimeOffset windowStart, double ploughDownMetres, double transportMetres, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            [
                PointData.Measurement(DistanceMeasurement)
                    .Tag("municipality", municipality)
                    .Tag("device", vehicle)
                    .Field("ploughDownKm", ploughDownMetres / 1000)
                    .Field("transportKm", transportMetres / 1000)
                    .Timestamp(windowStart),
            ],
            cancellationToken);
}
