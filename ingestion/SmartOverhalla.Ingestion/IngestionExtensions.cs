using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Ingestion;

/// <summary>Registers the ingestion worker: MQTT → validate → points → batches → InfluxDB.</summary>
public static class IngestionExtensions
{
    /// <summary>
    /// Adds the worker with configuration sections <c>Ingestion</c>, <c>Mqtt</c>, <c>Validation</c> and <c>InfluxDb</c>.
    /// </summary>
    public static TBuilder AddIngestion<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MqttConnectionOptions>().Bind(configuration.GetSection("Mqtt")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ValidationOptions>().Bind(configuration.GetSection("Validation")).ValidateDataAnnotations().ValidateOnStart();
        services.AddInfluxDb(configuration.GetSection(InfluxOptions.SectionName));
        services.AddHealthChecks().AddInfluxDb();

        services.AddSingleton(sp => new MessageValidator(sp.GetRequiredService<IOptions<ValidationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<DeviceOnlineTracker>();
        services.AddDeviceFloodGuard(configuration);
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<IngestionQueue>();
        services.AddSingleton<RejectPointFactory>();
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<BatchStore>();
        services.AddResiliencePipeline(BatchStore.PipelineKey, static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<IngestionOptions>>().Value;
            var metrics = context.ServiceProvider.GetRequiredService<IngestionMetrics>();
            var logger = context.ServiceProvider.GetRequiredService<ILogger<BatchStore>>();
            pipeline.AddRetry(new RetryStrategyOptions
            {
                // Retry until stored or stopping: the messages stay unacknowledged meanwhile, so the
                // broker keeps them and nothing is lost (design.md, Reliability).
                ShouldHandle = new PredicateBuilder().Handle<InfluxWriteException>(ex => ex.IsTransient),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.WriteRetryDelay,
                MaxDelay = options.WriteRetryMaxDelay,
                OnRetry = args =>
                {
                    metrics.WriteFailed();
                    Log.WriteRetry(logger, args.Outcome.Exception?.Message ?? "unknown", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        });

        // Stop order is the reverse of this order: the MQTT service stops first and waits while the
        // batch writer stores and acknowledges what is queued.
        services.AddHostedService<BatchWriterService>();
        services.AddHostedService<MqttIngestionService>();
        services.AddHostedService<SelfMetricsService>();
        return builder;
    }
}
