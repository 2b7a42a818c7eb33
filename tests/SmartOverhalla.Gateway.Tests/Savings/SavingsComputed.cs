extern alias analytics;

using analytics::SmartOverhalla.Analytics;
using analytics::SmartOverhalla.Analytics.Jobs;
using analytics::SmartOverhalla.Analytics.Lighting;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>Computes a town's days as the analytics host does: its real savings job, every partition, written to InfluxDB.</summary>
internal static class SavingsComputed
{
    public static async Task DaysAsync(SavingsTown town, Uri influxUrl, CancellationToken ct, params DateOnly[] days)
    {
        var (host, logs) = TestHost.Build(town.AnalyticsSettings(influxUrl, jobEnabled: false), builder => builder.AddAnalytics());
        using (host)
        {
            var job = host.Services.GetRequiredService<LightingSavingsJob>();
            foreach (var date in days)
            {
                var day = LocalDay.Of(date);
                foreach (var partition in job.Partitions())
                {
                    await job.RunAsync(partition, new JobWindow(day.Start, day.End), ct);
                }
            }
        }

        logs.AssertNoUnexpectedErrors();
    }
}
