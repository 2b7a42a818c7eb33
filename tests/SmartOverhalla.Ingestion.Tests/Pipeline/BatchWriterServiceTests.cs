using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Registry;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Ingestion.Tests.Spool;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SmartOverhalla.Ingestion.Tests.Pipeline;

/// <summary>The batch writer's window: how long a message waits for company before its batch is stored.</summary>
public sealed class BatchWriterServiceTests : IDisposable
{
    // The longest interval the options allow: on the wall clock, no test would wait for it.
    private static readonly IngestionOptions Options = new() { BatchInterval = TimeSpan.FromMinutes(1), BatchSize = 100 };
    private readonly SpoolDirectory _dir = new();
    private readonly FakeInfluxWriter _influx = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services;
    private readonly DeadLetterPublisher _deadLetters;
    private readonly BatchSpool _spool;

    public BatchWriterServiceTests()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<IngestionMetrics>()
            .AddResiliencePipeline(InfluxWritePipeline.Key, (pipeline, context) =>
                InfluxWritePipeline.Configure(pipeline, Options, context.ServiceProvider.GetRequiredService<IngestionMetrics>(), NullLogger.Instance))
            .BuildServiceProvider();
        _deadLetters = new DeadLetterPublisher(MsOptions.Create(Options), MsOptions.Create(new MqttConnectionOptions()), _time, NullLogger<DeadLetterPublisher>.Instance);
        _spool = _dir.Open();
    }

    public void Dispose()
    {
        _spool.Dispose();
        _services.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_BatchIntervalPassesOnTheInjectedClock_StoresTheUnfilledBatch()
    {
        // Given a writer waiting for more messages to fill its batch, with one message queued
        var queue = new IngestionQueue(MsOptions.Create(Options));
        var readiness = new InfluxSchemaReadiness();
        readiness.MarkReady();
        using var writer = new BatchWriterService(
            queue, Store(readiness), new ReadySchema(), readiness, MsOptions.Create(Options), MsOptions.Create(new InfluxOptions()),
            _services.GetRequiredService<IngestionMetrics>(), _time, NullLogger<BatchWriterService>.Instance);
        await writer.StartAsync(Ct);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Channel.Writer.WriteAsync(Light(acknowledged), Ct);
        await Eventually.UntilAsync(() => queue.Channel.Reader.Count == 0, TimeSpan.FromSeconds(30), "the writer to take the message into its batch", Ct);
        Assert.Empty(_influx.Written);

        // When the batch interval passes on the writer's clock (not on the wall clock)
        _time.Advance(Options.BatchInterval);

        // Then the batch is stored and acknowledged at once
        await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, Ct);
        Assert.Single(_influx.Written);
        await writer.StopAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BatchStore Store(InfluxSchemaReadiness readiness) => new(
        _influx,
        new InfluxRetentionRouting(MsOptions.Create(new InfluxRetentionPlan())),
        new RejectPointFactory(),
        _deadLetters,
        _services.GetRequiredService<ResiliencePipelineProvider<string>>(),
        _spool,
        readiness,
        MsOptions.Create(Options),
        MsOptions.Create(new SpoolOptions()),
        _services.GetRequiredService<IngestionMetrics>(),
        _time,
        NullLogger<BatchStore>.Instance);

    private static IngestItem Light(TaskCompletionSource acknowledged) => IngestItem.Accepted(
        new SignallingReceipt(acknowledged),
        PointMapper.Map(
            new DeviceTopic("overhalla", DeviceKind.Streetlight, "lamp-1", MessageType.Telemetry),
            IngestionHarness.Light("lamp-1", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), 40)));

    private sealed class SignallingReceipt(TaskCompletionSource acknowledged) : IDeliveryReceipt
    {
        public Task AcknowledgeAsync(CancellationToken cancellationToken)
        {
            acknowledged.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class ReadySchema : IInfluxSchemaInitializer
    {
        public Task EnsureDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EnsureRetentionPolicyAsync(string name, TimeSpan? duration, bool isDefault, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
