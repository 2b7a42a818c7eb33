using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Polly;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.LoRaWan;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.Mqtt;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Ingestion;

/// <summary>Registers the ingestion worker: MQTT → validate → points → batches → InfluxDB.</summary>
public static class IngestionExtensions
{
    /// <summary>Section of the worker's MQTT connection (<see cref="MqttConnectionOptions"/>).</summary>
    public const string MqttSectionName = "Mqtt";

    /// <summary>Section of the message limits (<see cref="ValidationOptions"/>), shared with the gateway.</summary>
    public const string ValidationSectionName = "Validation";

    /// <summary>
    /// Adds the worker with configuration sections <c>Ingestion</c>, <c>Mqtt</c>, <c>Validation</c>, <c>InfluxDb</c> and
    /// <c>Water:Retention</c>, and <c>LoRaWan</c> for network servers' uplinks.
    /// </summary>
    public static TBuilder AddIngestion<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddValidatedOptions<IngestionOptions, IngestionOptionsValidator>(configuration.GetSection(IngestionOptions.SectionName));
        services.AddValidatedOptions<MqttConnectionOptions, MqttConnectionOptionsValidator>(configuration.GetSection(MqttSectionName));
        services.AddValidatedOptions<ValidationOptions, ValidationOptionsValidator>(configuration.GetSection(ValidationSectionName));
        services.AddInfluxDb(configuration.GetSection(InfluxOptions.SectionName));
        // Raw water readings go into their own retention policy (water_raw), created at start like every host's.
        services.AddWaterRetention(configuration);
        services.AddHealthChecks().AddInfluxDb();

        services.AddSingleton(sp => new MessageValidator(sp.GetRequiredService<IOptions<ValidationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<DeviceOnlineTracker>();
        services.AddDeviceFloodGuard(configuration);
        services.AddSingleton<MessageIntake>();
        services.AddLoRaWanIntake(configuration);
        services.AddSingleton<IngestionQueue>();
        services.AddSingleton<RejectPointFactory>();
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<InfluxSchemaReadiness>();
        services.AddSingleton<BatchStore>();
        services.AddResiliencePipeline(InfluxWritePipeline.Key, static (pipeline, context) => InfluxWritePipeline.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<IngestionOptions>>().Value,
            context.ServiceProvider.GetRequiredService<IngestionMetrics>(),
            context.ServiceProvider.GetRequiredService<ILogger<BatchStore>>()));
        services.AddSpool(configuration);

        // Stop order is the reverse of this order: the MQTT service stops first and waits while the
        // batch writer stores and acknowledges what is queued.
        services.AddHostedService<BatchWriterService>();
        services.AddHostedService<SpoolReplayService>();
        services.AddHostedService<MqttIngestionService>();
        services.AddHostedService<SelfMetricsService>();
        return builder;
    }

    private static void AddSpool(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SpoolOptions, SpoolOptionsValidator>(configuration.GetSection(SpoolOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpoolOptions>, SpoolOptionsHostChecks>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SpoolOptions>>().Value;
            var path = options.ResolvePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IOptions<IngestionOptions>>().Value.ClientId);
            return new BatchSpool(options, path, sp.GetRequiredService<ILogger<BatchSpool>>());
        });
    }
}
