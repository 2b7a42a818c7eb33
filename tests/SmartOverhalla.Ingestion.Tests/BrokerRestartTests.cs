using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>The worker's own reconnect loop, against a real Mosquitto that goes away and comes back.</summary>
public sealed class BrokerRestartTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_worker_reconnects_by_itself_after_the_broker_restarts_and_stores_what_comes_next()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url);
        await h.StartWorkerAsync(ct);
        var now = TimeProvider.System.GetUtcNow();
        var ts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-5);
        await h.PublishAsync(h.Topic("streetlight", "before"), IngestionHarness.Light("before", ts, 10), ct);
        await Eventually.UntilAsync(async c => await h.Influx.CountAsync("streetlight", "dimLevel", c) == 1, Deadline, "the first message", ct);

        // When the broker restarts
        await mosquitto.Server.RestartAsync(ct);
        await Eventually.UntilAsync(
            () => h.Logs!.Entries.Count(e => e.Message.StartsWith("Subscribed to", StringComparison.Ordinal)) >= 2,
            Deadline,
            "the worker to reconnect and subscribe again",
            ct);

        // Then a message published afterwards is stored
        await h.PublishAsync(h.Topic("streetlight", "after"), IngestionHarness.Light("after", ts, 20), ct);
        await Eventually.UntilAsync(async c => await h.Influx.CountAsync("streetlight", "dimLevel", c, "device = 'after'") == 1, Deadline, "the message after the restart", ct);
        Assert.Contains(h.Logs!.Entries, e => e.Message.StartsWith("Lost the MQTT connection", StringComparison.Ordinal));
        h.Logs!.AssertNoUnexpectedErrors();
    }
}
