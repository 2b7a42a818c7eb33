using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_gateway_and_the_libraries_in_its_log_has_its_own_event_id()
    {
        // The gateway, the alert central it hosts, the InfluxDB client and the lighting domain all log into its log.
        System.Reflection.Assembly[] gateway =
        [
            typeof(SmartOverhalla.Gateway.Security.ApiPolicies).Assembly,
            typeof(SmartOverhalla.Alerts.AlertCentral).Assembly,
            typeof(SmartOverhalla.Influx.InfluxOptions).Assembly,
            typeof(SmartOverhalla.Lighting.Reloading.FileZoneConfigurationSource).Assembly,
        ];

        var duplicates = LogEventIds.Duplicates(gateway);

        Assert.True(LogEventIds.Count(gateway) > 50, "the scan found the gateway's log messages");
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
    }
}
