using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>One ingestion worker against real servers, with its own database and municipality, plus a device-side publisher.</summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private readonly IMqttClient _publisher = new MqttClientFactory().CreateMqttClient();
    private readonly string _mqttHost;
    private readonly int _mqttPort;
    private readonly Dictionary<string, string?> _settings;

    public IngestionHarness(string mqttHost, int mqttPort, Uri influxUrl, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        _mqttHost = mqttHost;
        _mqttPort = mqttPort;
        Database = TestNames.Database();
        Municipality = TestNames.Municipality();
        SpoolDirectory = Directory.CreateTempSubdirectory("so-spool-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ReconnectDelay"] = "00:00:00.200",
            ["InfluxDb:Url"] = influxUrl.ToString(),
            ["InfluxDb:Database"] = Database,
            ["Ingestion:ClientId"] = "ingestion-" + Municipality,
            ["Ingestion:InstanceName"] = "test-" + Municipality,
            ["Ingestion:BatchInterval"] = "00:00:00.100",
            ["Ingestion:SelfMetricsInterval"] = "00:00:01",
            ["Ingestion:WriteRetryDelay"] = "00:00:00.100",
            ["Ingestion:WriteRetryMaxDelay"] = "00:00:01",
            ["Ingestion:Spool:Directory"] = SpoolDirectory,
            ["Ingestion:Spool:ReplayRetryDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        Influx = new InfluxTestClient(influxUrl, Database);
    }

    public string Database { get; }

    public string Municipality { get; }

    /// <summary>The worker's spool lives in <c>{SpoolDirectory}/{ClientId}</c>, deleted with the harness.</summary>
    public string SpoolDirectory { get; }

    public InfluxTestClient Influx { get; }

    public IHost? Host { get; private set; }

    public CapturedLogs? Logs { get; private set; }

    public async Task StartWorkerAsync(CancellationToken cancellationToken)
    {
        (Host, Logs) = TestHost.Build(_settings, b => b.AddIngestion());
        await Host.StartAsync(cancellationToken);
        await Eventually.UntilAsync(
            () => Logs.Entries.Any(e => e.Message.StartsWith("Subscribed to", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20),
            "the worker to subscribe",
            cancellationToken);
    }

    public async Task StopWorkerAsync()
    {
        if (Host is not null)
        {
            await Host.StopAsync(CancellationToken.None);
            Host.Dispose();
            Host = null;
        }
    }

    public string Topic(string kind, string deviceId, string message = "telemetry") =>
        $"smartcity/v1/{Municipality}/{kind}/{deviceId}/{message}";

    public Task PublishAsync<T>(string topic, T message, CancellationToken cancellationToken) =>
        PublishRawAsync(topic, JsonSerializer.SerializeToUtf8Bytes(message, typeof(T), ContractJsonContext.Default), cancellationToken);

    public async Task PublishRawAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (!_publisher.IsConnected)
        {
            await _publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(_mqttHost, _mqttPort).WithClientId("pub-" + Municipality).Build(), cancellationToken);
        }

        var result = await _publisher.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);
        Assert.True(result.IsSuccess, $"the broker refused a publish to {topic}: {result.ReasonCode}");
    }

    public static StreetlightTelemetry Light(string id, DateTimeOffset ts, int dim) =>
        new(id, ts, dim, 40.0 * dim / 100 + 1, 1234.5 + dim, dim > 0);

    public async ValueTask DisposeAsync()
    {
        await StopWorkerAsync();
        if (_publisher.IsConnected)
        {
            await _publisher.DisconnectAsync();
        }

        _publisher.Dispose();
        Influx.Dispose();
        try
        {
            Directory.Delete(SpoolDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir left behind is harmless.
        }
    }
}
