using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Alerts;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.Analytics.Alerts;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Contracts.Alerts;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// An alert found by an analytics job reaches the gateway's one ledger over HTTP (the service's API key), and lands in
/// the same <c>alert</c> series and API as lighting's: the analytics host and the gateway as real hosts, InfluxDB real.
/// The job is a stand-in for the water domain's leak job, reporting the water domain's real alert type (which the gateway
/// registers beside lighting's): it finds a leak on meter wm-17 on the first of three days, more litres lost on the
/// second, and the leak over on the third.
/// </summary>
public sealed class AnalyticsAlertTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_leak_an_analytics_job_finds_is_raised_updated_and_cleared_in_the_gateways_ledger_series_and_API_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        await platform.Influx.Schema.EnsureDatabaseAsync(ct);
        var serviceKey = ApiKeyRing.NewKey();
        var operatorKey = ApiKeyRing.NewKey();
        await platform.StartGatewayWithEmbeddedBrokerAsync(
            ct,
            settings: new Dictionary<string, string?>
            {
                ["ApiKeys:Keys:analytics:Hash"] = ApiKeyRing.HashOf(serviceKey),
                ["ApiKeys:Keys:analytics:Roles"] = ApiRoles.Service,
                ["ApiKeys:Keys:drift:Hash"] = ApiKeyRing.HashOf(operatorKey),
                ["ApiKeys:Keys:drift:Roles"] = ApiRoles.Operator,
            });

        // When: the analytics host runs the job over the three days before today.
        var today = NorwegianTime.DateAt(TimeProvider.System.GetUtcNow());
        var days = Enumerable.Range(1, 3).Select(i => LocalDay.Of(today.AddDays(i - 4))).ToList();
        var job = new LeakJob(platform.Municipality, days);
        var analytics = await platform.StartAnalyticsAsync(
            new Dictionary<string, string?>
            {
                ["Analytics:Jobs:LightingSavings:Enabled"] = "false",
                ["Analytics:Alerts:GatewayUrl"] = platform.GatewayUrl!.ToString(),
                ["Analytics:Alerts:ApiKey"] = serviceKey,
            },
            b => b.Services.AddDerivedDataJob(
                b.Configuration,
                LeakJob.JobName,
                "WaterLeaksTest",
                schedule =>
                {
                    schedule.SettleDelay = TimeSpan.Zero;
                    schedule.TrailingWindow = TimeSpan.Zero;
                    schedule.InitialLookback = TimeSpan.FromDays(3);
                },
                sp => job.ReportingTo(sp.GetRequiredService<IAlertReporter>())),
            ct);

        // Then: the gateway lists one leak, cleared, raised at the time the job said it began, with the second day's figures.
        using var operatorClient = new HttpClient { BaseAddress = platform.GatewayUrl };
        operatorClient.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, operatorKey);
        JsonElement alert = default;
        await Eventually.UntilAsync(
            async c =>
            {
                var alerts = await operatorClient.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/alerts?domain=water&municipality={platform.Municipality}", UriKind.Relative), c) ?? [];
                alert = alerts.SingleOrDefault();
                return alerts.Count == 1 && !alert.GetProperty("active").GetBoolean();
            },
            Deadline,
            "the leak raised and cleared at the gateway",
            ct);
        Assert.Equal(days[0].Start.AddHours(2), alert.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Equal(days[2].Start.AddHours(4), alert.GetProperty("clearedAt").GetDateTimeOffset());
        Assert.Equal(240, alert.GetProperty("values").GetProperty("estimatedLitresLost").GetDouble());
        Assert.Equal(LeakJob.JobName, alert.GetProperty("clearedBy").GetString());

        // And the alert series holds the raise, the update and the clear.
        var points = await AlertPointsAsync(platform, ct);
        Assert.Equal([days[0].Start.AddHours(2), days[1].End, days[2].Start.AddHours(4)], points.Select(p => p.Time));

        // When: the same days are computed again (a backfill), the reports are sent again.
        var summary = await analytics.Services.GetRequiredService<BackfillRunner>()
            .RunAsync(new BackfillRequest([LeakJob.JobName], days[0].Date, days[2].Date, []), _ => { }, ct);
        Assert.Equal(3, summary.Computed);

        // Then: nothing changed: still one alert, the same three points.
        Assert.Equal(points, await AlertPointsAsync(platform, ct));
        var again = await operatorClient.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/alerts?domain=water&municipality={platform.Municipality}", UriKind.Relative), ct) ?? [];
        Assert.Equal(alert.GetProperty("id").GetGuid(), Assert.Single(again).GetProperty("id").GetGuid());
        Assert.Equal(6, job.Reported);
        platform.Logs.AssertNoUnexpectedErrors();
    }

    private static async Task<List<(DateTimeOffset Time, bool Active)>> AlertPointsAsync(PlatformUnderTest platform, CancellationToken ct)
    {
        List<(DateTimeOffset, bool)> points = [];
        await Eventually.UntilAsync(
            async c =>
            {
                var rows = await platform.Influx.RowsAsync(
                    $"SELECT \"active\" FROM \"alert\" WHERE \"municipality\" = {InfluxQl.QuoteString(platform.Municipality)} AND \"type\" = 'leak'", c);
                points = [.. rows.Select(r => (r.Series.GetTime(r.Row), r.Series.GetBoolean(r.Row, "active")!.Value))];
                return points.Count == 3;
            },
            Deadline,
            "three leak points in the alert series",
            ct);
        return points;
    }

    /// <summary>Finds the leak: active since 02:00 of the first day (120 L lost), still active at the end of the second (240 L), over at 04:00 of the third.</summary>
    private sealed class LeakJob(string municipality, IReadOnlyList<LocalDay> days) : IDerivedDataJob
    {
        public const string JobName = "water-leaks-test";

        private int _reported;

        public int Reported => _reported;

        private IAlertReporter? _reporter;

        public LeakJob ReportingTo(IAlertReporter reporter)
        {
            _reporter = reporter;
            return this;
        }

        public string Name => JobName;

        public IJobWindows Windows => LocalDayWindows.Instance;

        public IReadOnlyList<string> Partitions() => ["wm-17"];

        public async Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
        {
            var index = days.ToList().FindIndex(d => d.Start == window.Start);
            var report = index switch
            {
                0 => Report(AlertReportState.Active, window.End, since: window.Start.AddHours(2), litres: 120),
                1 => Report(AlertReportState.Active, window.End, since: days[0].Start.AddHours(2), litres: 240),
                2 => Report(AlertReportState.Cleared, window.Start.AddHours(4), since: null, litres: null),
                _ => null,
            };
            if (report is not null)
            {
                await _reporter!.ReportAsync([report], cancellationToken);
                Interlocked.Increment(ref _reported);
            }

            return new JobWindowResult(1, 0);
        }

        private AlertReport Report(AlertReportState state, DateTimeOffset at, DateTimeOffset? since, double? litres) => new(
            municipality, "watermeter", "wm-17", "leak", state, at, JobName, since,
            Values: litres is { } l ? new Dictionary<string, double> { ["estimatedLitresLost"] = l } : null);
    }
}
