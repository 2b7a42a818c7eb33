using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_simulators_and_the_influx_client_of_their_backfill_has_its_own_event_id()
    {
        System.Reflection.Assembly[] simulators = [typeof(SimulatorsHostingExtensions).Assembly, typeof(SmartOverhalla.Influx.InfluxOptions).Assembly];

        var duplicates = LogEventIds.Duplicates(simulators);

        Assert.True(LogEventIds.Count(simulators) > 30, "the scan found the simulators' log messages");
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
    }
}
