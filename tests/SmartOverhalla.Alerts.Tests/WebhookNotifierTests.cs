using System.Net;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Alerts;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Http;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Alerts.Tests;

/// <summary>The webhook sink against a real HTTP receiver on 127.0.0.1, retry delays on a fake clock.</summary>
public sealed class WebhookNotifierTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    /// <summary>Moves the clock past any pending retry delay on every poll until <paramref name="condition"/> holds.</summary>
    private static Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what, CancellationToken ct) =>
        Eventually.UntilAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                clock.Advance(AlertsHost.MaxDelay);
                return false;
            },
            Deadline,
            what,
            ct);

    [Fact]
    public async Task A_receiver_answering_503_twice_then_200_gets_three_attempts_and_the_alert_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        receiver.Answer = n => n <= 2 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        var clock = new FakeTimeProvider(Start);
        await using var host = await AlertsHost.StartAsync(influx.Url, receiver.Url, clock, maxAttempts: 5, ct);

        // When a light is found unresponsive
        var alert = host.Unresponsive("lys-1", "c-1", clock.GetUtcNow())!;

        // Then the receiver is tried again after each 503, and gets it on the third attempt
        await AdvanceUntilAsync(clock, () => receiver.Delivered.Count == 1, "the alert delivered after two 503s", ct);
        // Sentinel: a second alert delivered means the first is finished with (no fourth attempt behind it)
        host.Unresponsive("lys-2", "c-2", clock.GetUtcNow());
        await Eventually.UntilAsync(() => receiver.Delivered.Count == 2, Deadline, "the sentinel alert delivered", ct);

        Assert.Equal([503, 503, 200, 200], receiver.Requests.Select(r => r.Status));
        var attempts = receiver.Requests.Take(3).ToList();
        Assert.All(attempts, r => Assert.Equal($"{alert.Id:D}-raised", r.IdempotencyKey));
        Assert.Single(attempts.Select(r => r.Body).Distinct());
        Assert.Equal(2, host.Metrics.Total("webhook", AlertMetrics.Delivered));
        Assert.Equal(0, host.Metrics.Total("webhook", AlertMetrics.Failed));
        var retries = host.Logs.Entries.Where(e => e.EventId.Id == 4011).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Contains("127.0.0.1", r.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(WebhookReceiver.Token, StringComparison.Ordinal));
        host.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_receiver_that_always_fails_holds_up_no_other_alert_and_each_failure_is_logged_with_the_host_only_and_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        receiver.Answer = _ => HttpStatusCode.InternalServerError;
        var clock = new FakeTimeProvider(Start);
        await using var host = await AlertsHost.StartAsync(influx.Url, receiver.Url, clock, maxAttempts: 3, ct);

        // When three lights fail while the webhook is down
        var alerts = Enumerable.Range(1, 3)
            .Select(i => host.LampFailure($"lys-{i}", Start))
            .Select(a => Assert.IsType<Alert>(a))
            .ToList();

        // Then the log sink has all three, while the webhook is still at its first alert (the clock has not moved,
        // so no retry of it can have run)
        await Eventually.UntilAsync(() => host.Logs.Entries.Count(e => e.EventId.Id == 4000) == 3, Deadline, "three raises in the log", ct);
        Assert.InRange(receiver.Requests.Count, 0, 1);
        Assert.All(alerts, a => Assert.True(a.Active));

        // When time passes, Then each alert is tried three times, given up, logged (host only) and counted
        await AdvanceUntilAsync(clock, () => host.Metrics.Total("webhook", AlertMetrics.Failed) == 3, "three failed deliveries", ct);
        Assert.Equal(9, receiver.Requests.Count);
        Assert.All(receiver.Requests.GroupBy(r => r.IdempotencyKey), g => Assert.Equal(3, g.Count()));
        var failures = host.Logs.Entries.Where(e => e.EventId.Id == 4013).ToList();
        Assert.Equal(alerts.Select(a => a.Id).Order(), failures.Select(f => alerts.Single(a => f.Message.Contains(a.Id.ToString(), StringComparison.Ordinal)).Id).Order());
        Assert.All(failures, f => Assert.Contains("127.0.0.1 answered HTTP 500, after 3 attempts", f.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(WebhookReceiver.Token, StringComparison.Ordinal));
        Assert.Equal(3, host.Metrics.Total("log", AlertMetrics.Delivered));
        host.Logs.AssertNoUnexpectedErrors(e => e.EventId.Id == 4013);
    }

    [Fact]
    public async Task A_receiver_answering_400_is_not_retried_and_the_next_alert_still_goes_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        receiver.Answer = n => n == 1 ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
        var clock = new FakeTimeProvider(Start);
        await using var host = await AlertsHost.StartAsync(influx.Url, receiver.Url, clock, maxAttempts: 5, ct);

        host.Unresponsive("lys-1", "c-1", clock.GetUtcNow());
        await Eventually.UntilAsync(() => host.Metrics.Total("webhook", AlertMetrics.Failed) == 1, Deadline, "the refused delivery given up", ct);
        host.Unresponsive("lys-2", "c-2", clock.GetUtcNow());
        await Eventually.UntilAsync(() => receiver.Delivered.Count == 1, Deadline, "the next alert delivered", ct);

        Assert.Equal([400, 200], receiver.Requests.Select(r => r.Status));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 4013 && e.Message.Contains("HTTP 400, not retried", StringComparison.Ordinal));
        host.Logs.AssertNoUnexpectedErrors(e => e.EventId.Id == 4013);
    }

    [Fact]
    public async Task An_alert_InfluxDB_cannot_hold_is_logged_and_left_out_and_the_recorder_goes_on_with_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        var clock = new FakeTimeProvider(Start);
        await using var host = await AlertsHost.StartAsync(influx.Url, receiver.Url, clock, maxAttempts: 1, ct);

        // When: an alert with a figure named "time" (line protocol refuses that key) reaches the recorder, then a good one.
        var bad = host.Central.Raise(new AlertKey("overhalla", "streetlight", "lys-9", "lampFailure"), Start, new AlertSource(AlertSource.DeviceEvent), new Dictionary<string, double> { ["time"] = 5 })!;
        var good = host.LampFailure("lys-10", Start)!;

        // Then: the good one is stored, the bad one is logged by id, and the host still runs.
        using var reader = new InfluxTestClient(influx.Url, host.Database);
        await Eventually.UntilAsync(async c => await reader.CountAsync("alert", "active", c, "\"device\" = 'lys-10'") == 1, Deadline, "the good alert in InfluxDB", ct);
        Assert.Equal(0, await reader.CountAsync("alert", "active", ct, "\"device\" = 'lys-9'"));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 4008 && e.Message.Contains(bad.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(1, host.Metrics.RecordsFailedTotal);
        Assert.NotEqual(good.Id, bad.Id);
        host.Logs.AssertNoUnexpectedErrors(e => e.EventId.Id == 4008);
    }
}
