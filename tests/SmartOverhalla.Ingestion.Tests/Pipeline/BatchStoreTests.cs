using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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

namespace SmartOverhalla.Ingestion.Tests.Pipeline;

/// <summary>Where <see cref="BatchStore"/> puts a batch: InfluxDB, the spool, or nowhere yet (not acknowledged).</summary>
public sealed class BatchStoreTests : IDisposable
{
    private static readonly IngestionOptions Options = new() { WriteRetryAttempts = 1, WriteRetryDelay = TimeSpan.FromMilliseconds(10) };
    private readonly SpoolDirectory _dir = new();
    private readonly FakeInfluxWriter _influx = new();
    private readonly FakeTimeProvider _time = new();
    private readonly InfluxSchemaReadiness _schema = new();
    private readonly ServiceProvider _services;
    private readonly DeadLetterPublisher _deadLetters;
    private BatchSpool? _spool;

    public BatchStoreTests()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<IngestionMetrics>()
            .AddResiliencePipeline(InfluxWritePipeline.Key, (pipeline, context) =>
                InfluxWritePipeline.Configure(pipeline, Options, context.ServiceProvider.GetRequiredService<IngestionMetrics>(), NullLogger.Instance))
            .BuildServiceProvider();
        _deadLetters = new DeadLetterPublisher(
            Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(new MqttConnectionOptions()),
            _time,
            NullLogger<DeadLetterPublisher>.Instance);
        _schema.MarkReady();
    }

    public void Dispose()
    {
        _spool?.Dispose();
        _services.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task StoreAsync_InfluxUp_WritesStraightToInfluxAndSpoolsNothing()
    {
        var store = Create();

        var spooled = await store.StoreAsync(Batch(1, 2, 3), Ct);

        Assert.False(spooled);
        Assert.Single(_influx.Written);
        Assert.Equal(SpoolState.Empty, _spool!.Status().State);
    }

    [Fact]
    public async Task StoreAsync_InfluxUnreachable_SpoolsTheBatchAsItsLineProtocol()
    {
        var store = Create();
        _influx.Unreachable = true;

        var spooled = await store.StoreAsync(Batch(1, 2, 3), Ct);

        Assert.True(spooled);
        Assert.Equal(2, _influx.Attempts); // first try and one retry, then the spool
        var record = _spool!.Peek()!;
        Assert.Equal(3, record.Points);
        Assert.Equal(Lines(Batch(1, 2, 3)), Encoding.UTF8.GetString(record.LineProtocol.Span));
    }

    [Fact]
    public async Task StoreAsync_WhileTheSpoolHoldsBatches_AppendsBehindThemEvenWithInfluxUp()
    {
        var store = Create();
        _influx.Unreachable = true;
        await store.StoreAsync(Batch(1), Ct);
        _influx.Unreachable = false;

        var spooled = await store.StoreAsync(Batch(2), Ct);

        Assert.True(spooled);
        Assert.Empty(_influx.Written); // not overtaking the older batch
        Assert.Equal([Lines(Batch(1)), Lines(Batch(2))], SpoolDirectory.Drain(_spool!));
    }

    [Fact]
    public async Task StoreAsync_SchemaNotReadyYet_SpoolsWithoutTryingInflux()
    {
        var store = Create(new InfluxSchemaReadiness());

        Assert.True(await store.StoreAsync(Batch(1), Ct));
        Assert.Equal(0, _influx.Attempts);
    }

    [Fact]
    public async Task StoreAsync_SpoolFullAndInfluxDown_WaitsUntilInfluxTakesTheBatch()
    {
        var record = 16 + Encoding.UTF8.GetByteCount(Lines(Batch(1)));
        var store = Create(spoolOptions: new SpoolOptions { MaxBytes = record, SegmentBytes = record, FullRetryDelay = TimeSpan.FromSeconds(1) });
        _influx.Unreachable = true;
        Assert.True(await store.StoreAsync(Batch(1), Ct)); // fills the spool

        var waiting = store.StoreAsync(Batch(2), Ct);
        await Eventually.UntilAsync(() => _spool!.Status().State == SpoolState.Full, TimeSpan.FromSeconds(10), "the spool to refuse the second batch", Ct);

        Assert.False(waiting.IsCompleted); // not stored anywhere, so not to be acknowledged

        // When InfluxDB is back and the replayer has emptied the spool
        _influx.Unreachable = false;
        _spool!.Complete(_spool.Peek()!);
        for (var i = 0; i < 100 && !waiting.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, Ct);
        }

        Assert.False(await waiting); // written straight to InfluxDB
        Assert.Equal([Lines(Batch(2))], _influx.Written);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BatchStore Create(InfluxSchemaReadiness? schema = null, SpoolOptions? spoolOptions = null)
    {
        spoolOptions ??= new SpoolOptions();
        _spool = _dir.Open(spoolOptions);
        return new BatchStore(
            _influx,
            new InfluxRetentionRouting(Microsoft.Extensions.Options.Options.Create(new InfluxRetentionPlan())),
            new RejectPointFactory(),
            _deadLetters,
            _services.GetRequiredService<ResiliencePipelineProvider<string>>(),
            _spool,
            schema ?? _schema,
            Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(spoolOptions),
            _services.GetRequiredService<IngestionMetrics>(),
            _time,
            NullLogger<BatchStore>.Instance);
    }

    private static List<IngestItem> Batch(params int[] levels) =>
        [.. levels.Select(level => IngestItem.Accepted(
            new NoReceipt(),
            PointMapper.Map(
                new DeviceTopic("overhalla", DeviceKind.Streetlight, "lamp-" + level, MessageType.Telemetry),
                IngestionHarness.Light("lamp-" + level, new DateTimeOffset(2026, 12, 1, 12, 0, level, TimeSpan.Zero), level))))];

    private static string Lines(List<IngestItem> batch) => string.Concat(batch.Select(i => LineProtocolWriter.ToLine(i.Point!) + "\n"));

    private sealed class NoReceipt : IDeliveryReceipt
    {
        public Task AcknowledgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
