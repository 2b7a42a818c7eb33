using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Audit;

/// <summary>The audit log's write retry as AddInfluxAuditLog registers it, resolved by name and driven by a fake clock.</summary>
public sealed class AuditWritePipelineTests : IDisposable
{
    // Delays far longer than any test may wait: only the fake clock can move the retries on.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services;
    private readonly ResiliencePipeline _retry;

    public AuditWritePipelineTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audit:RetryBaseDelay"] = "00:10:00",
            ["Audit:RetryMaxDelay"] = MaxDelay.ToString(),
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(_clock)
            .AddInfluxDb(o => o.Url = GatewayFactory.DeadInfluxUrl())
            .AddInfluxAuditLog(configuration)
            .BuildServiceProvider();
        _retry = _services.GetRequiredKeyedService<ResiliencePipeline>(AuditWritePipeline.Key);
    }

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData(null, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task Execute_TransientFailuresOrAMissingDatabase_AreRetriedOnTheClockUntilTheWriteSucceeds(HttpStatusCode? status, bool transient)
    {
        var attempts = new List<DateTimeOffset>();

        var write = _retry.ExecuteAsync(_ =>
        {
            lock (attempts)
            {
                attempts.Add(_clock.GetUtcNow());
                return attempts.Count <= 5
                    ? throw new InfluxWriteException("write failed", status, null, transient)
                    : ValueTask.CompletedTask;
            }
        }, TestContext.Current.CancellationToken).AsTask();
        await Eventually.UntilAsync(
            () =>
            {
                if (write.IsCompleted)
                {
                    return true;
                }

                _clock.Advance(MaxDelay);
                return false;
            },
            TimeSpan.FromSeconds(20),
            "the write to succeed on the fake clock",
            TestContext.Current.CancellationToken);

        await write;
        Assert.Equal(6, attempts.Count);
        // Each retry waited on the fake clock (a timer can fire late here, never early).
        Assert.All(attempts.Zip(attempts.Skip(1), (a, b) => b - a), gap => Assert.True(gap > TimeSpan.Zero, $"{gap} between attempts"));
        var retries = _services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 9003).ToList();
        Assert.Equal(5, retries.Count);
        Assert.All(retries, r => Assert.Equal(typeof(InfluxAuditLog).FullName, r.Category));
        Assert.DoesNotContain(_services.GetFakeLogCollector().GetSnapshot(), r => r.Category?.StartsWith("Polly", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Execute_RefusedWrite_IsNotRetried()
    {
        var count = 0;

        await Assert.ThrowsAsync<InfluxWriteException>(async () => await _retry.ExecuteAsync(
            _ => { count++; throw new InfluxWriteException("field type conflict", HttpStatusCode.BadRequest, "partial write", isTransient: false); },
            TestContext.Current.CancellationToken));

        Assert.Equal(1, count);
    }
}
