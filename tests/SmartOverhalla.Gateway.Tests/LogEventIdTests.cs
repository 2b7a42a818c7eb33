using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_gateway_has_its_own_event_id()
    {
        var gateway = typeof(SmartOverhalla.Gateway.Security.ApiPolicies).Assembly;

        var duplicates = LogEventIds.Duplicates(gateway);

        Assert.True(LogEventIds.Count(gateway) > 50, "the scan found the gateway's log messages");
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
    }
}
