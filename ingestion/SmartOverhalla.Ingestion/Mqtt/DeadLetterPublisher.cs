using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Ingestion.Mqtt;

/// <summary>
/// Publishes rejected messages, with every reason, to the dead-letter topic: a live feed for staff and
/// tools. It has its own connection, so a publish never waits on the receive path it would be blocking.
/// The durable record of a reject is its point in InfluxDB; this feed is best effort.
/// </summary>
internal sealed class DeadLetterPublisher(
    IOptions<IngestionOptions> options,
    IOptions<MqttConnectionOptions> connection,
    TimeProvider timeProvider,
    ILogger<DeadLetterPublisher> logger) : IAsyncDisposable
{
    /// <summary>How long one call may spend connecting and publishing before it gives up.</summary>
    public static readonly TimeSpan DefaultPublishTimeout = TimeSpan.FromSeconds(5);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>How long one call may spend connecting and publishing (<see cref="DefaultPublishTimeout"/>); measured on the injected clock.</summary>
    internal TimeSpan PublishTimeout { get; init; } = DefaultPublishTimeout;

    public async Task PublishAsync(IReadOnlyList<RejectedMessage> rejects, CancellationToken cancellationToken)
    {
        if (rejects.Count == 0)
        {
            return;
        }

        var topic = options.Value.DeadLetterTopic;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The timeout runs on the injected clock like every other wait in the worker (house style: nothing reads
            // the wall clock), so a test moves it with a fake clock.
            using var deadline = new CancellationTokenSource(PublishTimeout, timeProvider);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            if (!_client.IsConnected)
            {
                var clientOptions = new MqttClientOptionsBuilder()
                    .WithConnection(connection.Value)
                    .WithClientId(options.Value.ClientId + "-deadletter")
                    .WithCleanStart(true)
                    .Build();
                await _client.ConnectAsync(clientOptions, timeout.Token);
            }

            foreach (var reject in rejects)
            {
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(Serialize(reject))
                    .WithContentType("application/json")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                await _client.PublishAsync(message, timeout.Token);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.DeadLetterFailed(logger, topic, ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already gone.
            }
        }

        _client.Dispose();
        _gate.Dispose();
    }

    internal static byte[] Serialize(RejectedMessage reject)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + reject.PayloadStart.Length * 2);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("receivedAt", reject.ReceivedAt.UtcDateTime);
            json.WriteString("topic", reject.Topic);
            json.WriteString("reason", reject.Reason);
            json.WriteStartArray("problems");
            foreach (var problem in reject.Problems)
            {
                json.WriteStartObject();
                json.WriteString("field", problem.Field);
                json.WriteString("code", problem.Code);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("payloadBytes", reject.PayloadLength);
            json.WriteBase64String("payloadStartBase64", reject.PayloadStart.Span);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
