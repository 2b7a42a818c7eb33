using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;

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

    private static InfluxWriteException Unreachable() => new("no answer", null, null, isTransient: true);

    private ResiliencePipeline Build(IngestionOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        InfluxWritePipeline.Configure(builder, options, _metrics, NullLogger.Instance);
        return builder.Build();
    }

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
