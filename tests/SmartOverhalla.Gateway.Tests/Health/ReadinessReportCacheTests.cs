using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Health;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Tests.Health;

/// <summary>The readiness cache on a fake clock, with a health service whose checks the test completes by hand.</summary>
public sealed class ReadinessReportCacheTests
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.Zero));
    private readonly ManualHealthService _health = new();

    [Fact]
    public async Task GetAsync_ManyConcurrentCallers_ShareOneCheckInFlight()
    {
        var cache = Cache();

        // When 500 callers ask while the first check is still running
        var callers = Enumerable.Range(0, 500).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        _health.CompleteNext(HealthStatus.Healthy);
        var reports = await Task.WhenAll(callers);

        // Then one check ran and all got its report
        Assert.Equal(1, _health.Started);
        Assert.Equal(1, cache.ChecksRun);
        Assert.All(reports, r => Assert.Same(reports[0], r));
    }

    [Fact]
    public async Task GetAsync_WithinTheCacheDuration_AnswersFromTheLastCheck_AndChecksAgainAfterIt()
    {
        var cache = Cache();
        var first = cache.GetAsync(CancellationToken.None);
        _health.CompleteNext(HealthStatus.Healthy);
        await first;

        // Just before the period is over: the same report, no new check
        _clock.Advance(CacheDuration - TimeSpan.FromMilliseconds(1));
        Assert.Same(await first, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(1, _health.Started);

        // At the end of the period: a new check, whose result (the broker went down) is what callers see
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = cache.GetAsync(CancellationToken.None);
        Assert.Equal(2, _health.Started);
        _health.CompleteNext(HealthStatus.Unhealthy);
        Assert.Equal(HealthStatus.Unhealthy, (await second).Status);
    }

    [Fact]
    public async Task GetAsync_CallerGivesUp_TheCheckGoesOnForTheOthers()
    {
        var cache = Cache();
        using var impatient = new CancellationTokenSource();
        var gaveUp = cache.GetAsync(impatient.Token);
        var waits = cache.GetAsync(CancellationToken.None);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);

        Assert.False(_health.LastToken.IsCancellationRequested);
        _health.CompleteNext(HealthStatus.Healthy);
        Assert.Equal(HealthStatus.Healthy, (await waits).Status);
        Assert.Equal(1, _health.Started);
    }

    [Fact]
    public async Task GetAsync_CheckThrows_TheFailureIsNotCached()
    {
        var cache = Cache();
        var failing = cache.GetAsync(CancellationToken.None);
        _health.FailNext(new InvalidOperationException("boom"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var next = cache.GetAsync(CancellationToken.None);
        Assert.Equal(2, _health.Started);
        _health.CompleteNext(HealthStatus.Healthy);
        Assert.Equal(HealthStatus.Healthy, (await next).Status);
    }

    [Fact]
    public async Task GetAsync_ZeroCacheDuration_ChecksOnEveryRequest_StillOneAtATime()
    {
        var cache = Cache(TimeSpan.Zero);
        var a = cache.GetAsync(CancellationToken.None);
        var b = cache.GetAsync(CancellationToken.None);
        Assert.Equal(1, _health.Started);
        _health.CompleteNext(HealthStatus.Healthy);
        await Task.WhenAll(a, b);

        var c = cache.GetAsync(CancellationToken.None);
        Assert.Equal(2, _health.Started);
        _health.CompleteNext(HealthStatus.Healthy);
        await c;
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:01:01")]
    public void Validate_CacheDurationOutOfRange_FailsTheStartNamingTheSetting(string duration)
    {
        var options = new HealthOptions { ReadinessCacheDuration = TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new ConfigurationKeyValidator<HealthOptions, HealthOptionsValidator>(HealthOptions.SectionName).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Health:ReadinessCacheDuration", result.FailureMessage, StringComparison.Ordinal);
    }

    private ReadinessReportCache Cache(TimeSpan? duration = null) =>
        new(_health, Options.Create(new HealthOptions { ReadinessCacheDuration = duration ?? CacheDuration }), _clock);

    /// <summary>A health service whose checks stay running until the test completes them, in order.</summary>
    private sealed class ManualHealthService : HealthCheckService
    {
        private readonly Queue<TaskCompletionSource<HealthReport>> _running = new();

        public int Started { get; private set; }

        public CancellationToken LastToken { get; private set; }

        public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
        {
            Started++;
            LastToken = cancellationToken;
            var check = new TaskCompletionSource<HealthReport>(TaskCreationOptions.RunContinuationsAsynchronously);
            _running.Enqueue(check);
            return check.Task;
        }

        public void CompleteNext(HealthStatus status) =>
            _running.Dequeue().SetResult(new HealthReport(
                new Dictionary<string, HealthReportEntry> { ["broker"] = new(status, null, TimeSpan.FromMilliseconds(3), null, null) },
                TimeSpan.FromMilliseconds(3)));

        public void FailNext(Exception exception) => _running.Dequeue().SetException(exception);
    }
}
