using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Analytics.Tests.Support;

/// <summary>The savings job's watermarks read back with InfluxQL, apart from the store the job writes them with.</summary>
internal static class SavingsWatermarks
{
    /// <summary>Per partition: how far it is computed (the latest point's time) and which instance advanced it.</summary>
    public static async Task<Dictionary<string, (DateTimeOffset Watermark, string Instance)>> ReadAsync(InfluxTestClient influx, CancellationToken ct)
    {
        var rows = await influx.RowsAsync(
            $"SELECT last(\"instance\") AS \"instance\" FROM \"{InfluxWatermarkStore.Measurement}\" WHERE \"job\" = '{LightingSavingsJob.JobName}' GROUP BY \"partition\"", ct);
        return rows.ToDictionary(r => r.Series.Tags["partition"], r => (r.Series.GetTime(r.Row), r.Series.GetString(r.Row, "instance")!), StringComparer.Ordinal);
    }
}
