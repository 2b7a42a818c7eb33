using SmartOverhalla.Testing;

namespace SmartOverhalla.Analytics.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_analytics_host_and_the_libraries_in_its_log_has_its_own_event_id()
    {
        System.Reflection.Assembly[] analytics =
        [
            typeof(AnalyticsOptions).Assembly,
            typeof(SmartOverhalla.Influx.InfluxOptions).Assembly,
            typeof(SmartOverhalla.Lighting.Reloading.FileZoneConfigurationSource).Assembly,
        ];

        var duplicates = LogEventIds.Duplicates(analytics);

        Assert.True(LogEventIds.Count(analytics) > 15, "the scan found the analytics host's log messages");
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
    }
}
