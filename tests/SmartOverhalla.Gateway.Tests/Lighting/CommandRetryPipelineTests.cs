using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>The command retry as AddLightingControl registers it, resolved by name and driven by a fake clock.</summary>
public sealed class CommandRetryPipelineTests : IDisposable
{
    // Delays far longer than any test may wait: only the fake clock can move the retries on.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _clock = new();
    private ServiceProvider? _services;

    public void Dispose() => _services?.Dispose();

    [Fact]
    public async Task Execute_AckNeverComes_TriesMaxAttemptsEachAfterADelayOnTheClockThenGivesUp()
    {
        var retry = Pipeline(maxAttempts: 4);
        var attempts = new List<DateTimeOffset>();

        var send = retry.ExecuteAsync(_ =>
        {
            lock (attempts)
            {
                attempts.Add(_clock.GetUtcNow());
            }

            throw new TimeoutException("no ack");
        }, TestContext.Current.CancellationToken).AsTask();
        await AdvanceUntilAsync(() => send.IsCompleted);

        await Assert.ThrowsAsync<TimeoutException>(() => send);
        Assert.Equal(4, attempts.Count);
        // Each retry waited on the fake clock (a timer can fire late here, never early).
        Assert.All(attempts.Zip(attempts.Skip(1), (a, b) => b - a), gap => Assert.True(gap > TimeSpan.Zero, $"{gap} between attempts"));
    }

    [Fact]
    public async Task Execute_FailureOtherThanAMissingAck_IsNotRetried()
    {
        var retry = Pipeline(maxAttempts: 4);
        var count = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await retry.ExecuteAsync(
            _ => { count++; throw new InvalidOperationException("not connected"); }, TestContext.Current.CancellationToken));

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Execute_OneAttemptConfigured_SendsOnceWithoutRetrying()
    {
        // Lighting:MaxAttempts 1 is a valid setting; Polly refuses a retry strategy with no retries, which used to fail
        // the first command.
        var retry = Pipeline(maxAttempts: 1);
        var count = 0;

        await Assert.ThrowsAsync<TimeoutException>(async () => await retry.ExecuteAsync(
            _ => { count++; throw new TimeoutException("no ack"); }, TestContext.Current.CancellationToken));

        Assert.Equal(1, count);
    }

    /// <summary>Moves the fake clock on (polling with a real deadline) until <paramref name="done"/>.</summary>
    private Task AdvanceUntilAsync(Func<bool> done) =>
        Eventually.UntilAsync(
            () =>
            {
                if (done())
                {
                    return true;
                }

                _clock.Advance(MaxDelay);
                return false;
            },
            TimeSpan.FromSeconds(20),
            "the retries to end on the fake clock",
            TestContext.Current.CancellationToken);

    private ResiliencePipeline Pipeline(int maxAttempts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lighting:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lighting:RetryBaseDelay"] = "00:10:00",
            ["Lighting:RetryMaxDelay"] = MaxDelay.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_clock);
        services.AddLightingControl(configuration);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredKeyedService<ResiliencePipeline>(CommandRetryPipeline.Key);
    }
}
