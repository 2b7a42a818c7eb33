using Microsoft.Extensions.Options;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// Watermarks in InfluxDB, beside the derived series they describe: measurement <c>analytics_watermark</c>, tags
/// <c>job</c> and <c>partition</c>, one point per advance stamped at the watermark itself (field <c>instance</c>: who
/// advanced it). The latest point of a partition is its watermark. Kept in the database rather than in a local file so
/// that every instance sees it (a partition that changes owner resumes where it was) and it lives and is backed up with
/// the data it describes. To compute a job again from an earlier time, delete its points:
/// <c>DELETE FROM "analytics_watermark" WHERE "job" = 'lighting-savings'</c>.
/// </summary>
internal sealed class InfluxWatermarkStore(IInfluxWriter writer, IInfluxQueryClient influx, IOptions<AnalyticsOptions> options) : IWatermarkStore
{
    public const string Measurement = "analytics_watermark";

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(string job, CancellationToken cancellationToken)
    {
        // last() is a selector: its row carries the time of the latest point, which is the watermark.
        var result = await influx.QueryAsync(
            $"SELECT last(\"instance\") FROM \"{Measurement}\" WHERE \"job\" = {InfluxQl.QuoteString(job)} GROUP BY \"partition\"",
            cancellationToken);
        var watermarks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var series in result.Series)
        {
            if (series.Tags.TryGetValue("partition", out var partition) && series.RowCount > 0)
            {
                watermarks[partition] = series.GetTime(0);
            }
        }

        return watermarks;
    }

    public Task WriteAsync(string job, string partition, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var point = PointData.Measurement(Measurement)
            .Tag("job", job)
            .Tag("partition", partition)
            .Field("instance", options.Value.InstanceName)
            .Timestamp(watermark);
        return writer.WriteAsync([point], cancellationToken);
    }
}
