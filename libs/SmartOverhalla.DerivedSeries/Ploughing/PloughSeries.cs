using System.Globalization;
using SmartOverhalla.Influx;
using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;

namespace SmartOverhalla.DerivedSeries.Ploughing;

/// <summary>
/// The ploughing series in InfluxDB, written by the analytics host's map matching job and read by Grafana and the
/// gateway. They identify the vehicle (tag <c>device</c>), never a driver.
/// <c>plough_pass</c>: one pass of a vehicle along a segment, stamped at its start; tags <c>municipality</c>,
/// <c>device</c>, <c>segment</c>, <c>priority</c>; fields <c>road</c> (the road's name), <c>durationS</c>,
/// <c>coveredM</c>, <c>coveredShare</c> (0–1), <c>segmentM</c>, <c>stretches</c> (the metres covered along the segment,
/// <c>from-to</c> separated by <c>;</c>, so passes of several vehicles can be combined later).
/// <c>plough_distance</c>: metres driven in one window of the job (stretches ending in it), stamped at the window's
/// start; tags <c>municipality</c>, <c>device</c>; fields <c>ploughDownKm</c>, <c>transportKm</c>. A day's kilometres are
/// the sum over the day (<c>GROUP BY time(1d) tz('Europe/Oslo')</c>).
/// <c>road_cleared</c>: a segment became ploughed (its passes covered enough of it), stamped at that moment; tags
/// <c>municipality</c>, <c>segment</c>, <c>priority</c>; fields <c>road</c>, <c>device</c> (the vehicle whose pass
/// completed it). A segment's last ploughing is its <c>last()</c>.
/// </summary>
public sealed class PloughSeries(IInfluxWriter writer, IInfluxQueryClient influx)
{
    public const string PassMeasurement = "plough_pass";
    public const string DistanceMeasurement = "plough_distance";
    public const string ClearedMeasurement = "road_cleared";

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
            $"AND {InfluxQl.TimeRange(from, to)}",
            cancellationToken);
        if (passes.Count == 0)
        {
            return;
        }

        var points = passes.Select(pass => PointData.Measurement(PassMeasurement)
                .Tag("municipality", municipality)
                .Tag("device", vehicle)
                .Tag("segment", pass.Segment.Id)
                .Tag("priority", pass.Segment.Priority.ToString(CultureInfo.InvariantCulture))
                .Field("road", pass.Segment.Name)
                .Field("durationS", (pass.End - pass.Start).TotalSeconds)
                .Field("coveredM", pass.CoveredMetres)
                .Field("coveredShare", pass.CoveredShare)
                .Field("segmentM", pass.Segment.LengthMetres)
                .Field("stretches", FormatStretches(pass.Covered))
                .Timestamp(pass.Start))
            .ToList();
        await writer.WriteAsync(points, cancellationToken);
    }

    /// <summary>
    /// The passes stored for <paramref name="municipality"/> that start in [<paramref name="from"/>, <paramref name="to"/>),
    /// on the segments of <paramref name="network"/> (passes on segments it no longer has are left out).
    /// </summary>
    public async Task<IReadOnlyList<PloughPass>> ReadPassesAsync(string municipality, RoadNetwork network, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        var result = await influx.QueryAsync(
            $"SELECT \"durationS\", \"stretches\" FROM \"{PassMeasurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} " +
            $"AND {InfluxQl.TimeRange(from, to)} GROUP BY \"device\", \"segment\"",
            cancellationToken);
        if (result.IsCut)
        {
            throw new InvalidOperationException("InfluxDB cut the plough passes short (its max-row-limit); read a shorter range.");
        }

        var passes = new List<PloughPass>();
        foreach (var series in result.Series)
        {
            if (series.Tags.GetValueOrDefault("device") is not { } device || network.Find(series.Tags.GetValueOrDefault("segment") ?? string.Empty) is not { } segment)
            {
                continue;
            }

            for (var row = 0; row < series.RowCount; row++)
            {
                if (series.GetDouble(row, "durationS") is { } duration && ParseStretches(series.GetString(row, "stretches")) is { } covered)
                {
                    var start = series.GetTime(row);
                    passes.Add(new PloughPass(device, segment, start, start + TimeSpan.FromSeconds(duration), covered));
                }
            }
        }

        return passes;
    }

    /// <summary>Replaces the clearings of <paramref name="municipality"/> in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task ReplaceClearingsAsync(
        string municipality, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<SegmentCleared> clearings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clearings);
        await influx.QueryAsync(
            $"DELETE FROM \"{ClearedMeasurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND {InfluxQl.TimeRange(from, to)}",
            cancellationToken);
        if (clearings.Count == 0)
        {
            return;
        }

        await writer.WriteAsync(
            [.. clearings.Select(c => PointData.Measurement(ClearedMeasurement)
                .Tag("municipality", municipality)
                .Tag("segment", c.Segment.Id)
                .Tag("priority", c.Segment.Priority.ToString(CultureInfo.InvariantCulture))
                .Field("road", c.Segment.Name)
                .Field("device", c.VehicleId)
                .Timestamp(c.At))],
            cancellationToken);
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

    /// <summary><c>from-to;from-to</c>, metres to the centimetre.</summary>
    public static string FormatStretches(CoveredStretches covered)
    {
        ArgumentNullException.ThrowIfNull(covered);
        return string.Join(";", covered.Stretches.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.From:0.##}-{s.To:0.##}")));
    }

    /// <summary>The stretches written by <see cref="FormatStretches"/>; null when <paramref name="text"/> is not in that form.</summary>
    public static CoveredStretches? ParseStretches(string? text)
    {
        var covered = new CoveredStretches();
        if (string.IsNullOrEmpty(text))
        {
            return covered;
        }

        foreach (var stretch in text.Split(';'))
        {
            var dash = stretch.IndexOf('-', 1);
            if (dash < 0
                || !double.TryParse(stretch.AsSpan(0, dash), NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
                || !double.TryParse(stretch.AsSpan(dash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var to))
            {
                return null;
            }

            covered.Add(from, to);
        }

        return covered;
    }
}
