using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Ingestion.Tests.Pipeline;

public sealed class InfluxWritePipelineTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IngestionMetrics _metrics;
    private int _calls;

    public InfluxWritePipelineTests() => _metrics = new IngestionMetrics(_services.GetRequiredService<IMeterFactory>());

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Execute_TransientFailuresWithinTheRetries_AreRetriedUntilTheWriteSucceeds()
    {
        var pipeline = Build(new IngestionOptions { WriteRetryAttempts = 3 });

        await RunAsync(pipeline, _ => ++_calls <= 2 ? throw Unreachable() : Task.CompletedTask);

        Assert.Equal(3, _calls);
        Assert.Equal(2, _metrics.WriteFailures);
    }

    [Fact]
    public async Task Execute_TransientFailuresBeyondTheRetries_EndInATransientFailureForTheSpool()
    {
        var pipeline = Build(new IngestionOptions { WriteRetryAttempts = 2 });

        var ex = await Assert.ThrowsAsync<InfluxWriteException>(() => RunAsync(pipeline, _ => { _calls++; throw Unreachable(); }));

        Assert.Equal(3, _calls);
        Assert.True(InfluxWritePipeline.IsTransient(ex));
    }

    [Fact]
    public async Task Execute_Refusal_IsNotRetriedAndIsNotTransient()
    {
        var pipeline = Build(new IngestionOptions { WriteRetryAttempts = 3 });

        var ex = await Assert.ThrowsAsync<InfluxWriteException>(() => RunAsync(pipeline, _ =>
        {
            _calls++;
            throw new InfluxWriteException("field type conflict", HttpStatusCode.BadRequest, "partial write: field type conflict", isTransient: false);
        }));

        Assert.Equal(1, _calls);
        Assert.False(InfluxWritePipeline.IsTransient(ex));
    }

    [Fact]
    public async Task Execute_AfterRepeatedFailures_TheCircuitOpensAndWritesFailFastUntilTheBreakIsOver()
    {
        var options = new IngestionOptions { WriteRetryAttempts = 0, CircuitBreakDuration = TimeSpan.FromSeconds(5) };
        var pipeline = Build(options);
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<InfluxWriteException>(() => RunAsync(pipeline, _ => { _calls++; throw Unreachable(); }, advance: false));
        }

        var open = await Assert.ThrowsAsync<BrokenCircuitException>(() => RunAsync(pipeline, _ => { _calls++; return Task.CompletedTask; }, advance: false));

        Assert.Equal(4, _calls); // the open circuit did not even try
        Assert.True(InfluxWritePipeline.IsTransient(open));

        _time.Advance(options.CircuitBreakDuration);
        await RunAsync(pipeline, _ => { _calls++; return Task.CompletedTask; }, advance: false);

        Assert.Equal(5, _calls);
    }

    [Fact]
    public async Task Execute_AnAttemptThatHangs_TimesOutAsATransientFailure()
    {
        var pipeline = Build(new IngestionOptions { WriteRetryAttempts = 0, WriteAttemptTimeout = TimeSpan.FromSeconds(2) });

        var ex = await Assert.ThrowsAsync<TimeoutRejectedException>(() => RunAsync(pipeline, ct => Task.Delay(Timeout.Infinite, ct)));

        Assert.True(InfluxWritePipeline.IsTransient(ex));
    }

    [Fact]
    public async Task Registration_ThePipelineAddIngestionRegisters_RetriesAndTimesOutOnTheHostsClock()
    {
        // Delays far longer than any test may wait: only the fake clock can move the retries and the time-outs on.
        var attemptTimeout = TimeSpan.FromMinutes(5);
        var maxDelay = TimeSpan.FromMinutes(10);
        var (host, _) = TestHost.Build(
            new Dictionary<string, string?>
            {
                ["Ingestion:WriteRetryAttempts"] = "2",
                ["Ingestion:WriteRetryDelay"] = "00:01:00",
                ["Ingestion:WriteRetryMaxDelay"] = maxDelay.ToString(),
                ["Ingestion:WriteAttemptTimeout"] = attemptTimeout.ToString(),
            },
            b => b.AddIngestion(),
            services => services.AddSingleton<TimeProvider>(_time));
        using (host)
        {
            var pipeline = host.Services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(InfluxWritePipeline.Key);
            var attempts = new List<DateTimeOffset>();

            // Every attempt hangs until the per-attempt time-out cancels it; after two retries the time-out is the outcome.
            var write = pipeline.ExecuteAsync(async ct =>
            {
                lock (attempts)
                {
                    attempts.Add(_time.GetUtcNow());
                }

                await Task.Delay(Timeout.Infinite, ct);
            }, TestContext.Current.CancellationToken).AsTask();
            await AdvanceUntilAsync(() => write.IsCompleted, attemptTimeout);

            var ex = await Assert.ThrowsAsync<TimeoutRejectedException>(() => write);
            Assert.True(InfluxWritePipeline.IsTransient(ex));
            Assert.Equal(3, attempts.Count);
            // Each attempt ran its whole time-out on the fake clock before the next (a timer can fire late here, never early).
            Assert.All(attempts.Zip(attempts.Skip(1), (a, b) => b - a), gap => Assert.True(gap > attemptTimeout, $"{gap} between attempts"));
        }
    }

    private static InfluxWriteException Unreachable() => new("no answer", null, null, isTransient: true);

    private ResiliencePipeline Build(IngestionOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        InfluxWritePipeline.Configure(builder, options, _metrics, NullLogger.Instance);
        return builder.Build();
    }

    /// <summary>Moves the fake clock a step at a time (polling with a real deadline) until <paramref name="done"/>.</summary>
    private Task AdvanceUntilAsync(Func<bool> done, TimeSpan step) =>
        Eventually.UntilAsync(
            () =>
            {
                if (done())
                {
                    return true;
                }

                _time.Advance(step);
                return false;
            },
            TimeSpan.FromSeconds(20),
            "the pipeline to finish on the fake clock",
            TestContext.Current.CancellationToken);

    /// <summary>Runs one write through the pipeline, moving the fake clock past back-off delays and time-outs.</summary>
    private async Task RunAsync(ResiliencePipeline pipeline, Func<CancellationToken, Task> write, bool advance = true)
    {
        var task = pipeline.ExecuteAsync(async ct => await write(ct), TestContext.Current.CancellationToken).AsTask();
        for (var i = 0; i < 500 && advance && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await task;
    }
}
