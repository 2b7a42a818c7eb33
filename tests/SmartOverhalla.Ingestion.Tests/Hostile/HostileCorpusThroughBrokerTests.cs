using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Tests.Corpus;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests.Hostile;

/// <summary>
/// The whole hostile corpus, interleaved with valid messages, published through a real Mosquitto to the running
/// worker and a real InfluxDB. What MQTT itself refuses (the client library, or the broker: e.g. a 1 MB packet over
/// Mosquitto's max_packet_size of 256 KiB) is recorded as such; everything the broker delivers must end as a reject
/// with the corpus's reason, and every valid message must be stored.
/// </summary>
public sealed class HostileCorpusThroughBrokerTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const int ValidDevices = 20;

    [Fact]
    public async Task Every_hostile_message_the_broker_delivers_is_a_reject_with_its_reason_and_every_valid_message_between_them_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var overallTimer = new CancellationTokenSource(TimeSpan.FromMinutes(3), TimeProvider.System);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct, overallTimer.Token);
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url);
        await h.StartWorkerAsync(overall.Token);
        var now = TimeProvider.System.GetUtcNow();
        var corpus = HostileCorpus.Entries(h.Municipality, now);
        var filters = MqttIngestionService.IngestedMessages.Select(TopicNames.AllDevices).ToArray();
        var validBase = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-30);

        // Given every corpus entry, each followed by a valid message
        await using var hostile = new Publisher(mosquitto.Server.Host, mosquitto.Server.Port, "hostile-" + h.Municipality);
        var outcomes = new List<(HostileEntry Entry, string Outcome)>();
        var expectedRejects = new List<(string Reason, string Base64)>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var entry = corpus[i];
            var outcome = await hostile.TryPublishAsync(entry.Topic, entry.Payload, overall.Token);
            var subscribed = filters.Any(f => MqttTopicFilterComparer.Compare(entry.Topic, f) == MqttTopicFilterCompareResult.IsMatch);
            outcome = outcome == "published" && !subscribed ? "published, not subscribed by the worker" : outcome;
            outcomes.Add((entry, outcome));
            if (outcome == "published")
            {
                expectedRejects.Add((entry.Reason, Convert.ToBase64String(entry.Payload.AsSpan(0, Math.Min(entry.Payload.Length, 16 * 1024)))));
            }

            var device = "ok-" + (i % ValidDevices).ToString(CultureInfo.InvariantCulture);
            await h.PublishAsync(h.Topic("streetlight", device), IngestionHarness.Light(device, validBase.AddSeconds(i / ValidDevices), i % 101), overall.Token);
        }

        // Then every valid message is stored once, per device and timestamp
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("streetlight", "dimLevel", c, "device =~ /^ok-/") == corpus.Count
                && await h.Influx.CountAsync("ingestion_reject", "count", c) >= expectedRejects.Count,
            TimeSpan.FromSeconds(60),
            $"{corpus.Count} valid points and {expectedRejects.Count} rejects",
            overall.Token);
        var stored = await h.Influx.RowsAsync("SELECT dimLevel, device FROM streetlight WHERE device =~ /^ok-/", overall.Token);
        Assert.Equal(corpus.Count, stored.Select(r => (r.Series.GetString(r.Row, "device"), r.Series.GetTime(r.Row))).Distinct().Count());

        // And every delivered hostile message is exactly one reject with the corpus's reason and its payload
        var rejects = (await h.Influx.RowsAsync("SELECT reason, payloadBase64, problems FROM ingestion_reject", overall.Token))
            .Select(r => (Reason: r.Series.GetString(r.Row, "reason")!, Base64: r.Series.GetString(r.Row, "payloadBase64") ?? string.Empty, Problems: r.Series.GetString(r.Row, "problems")))
            .ToList();
        Assert.All(rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.Problems)));
        var missing = expectedRejects.Except(rejects.Select(r => (r.Reason, r.Base64))).ToList();
        Assert.True(missing.Count == 0, "not rejected as expected: " + string.Join(", ", missing.Select(m => m.Reason)));
        Assert.Equal(expectedRejects.Order().ToList(), rejects.Select(r => (r.Reason, r.Base64)).Order().ToList());

        // And the worker is still healthy and logged no unexpected error
        var health = await h.Host!.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(overall.Token);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        h.Logs!.AssertNoUnexpectedErrors();

        // The figures, and what MQTT itself refused (documented in the README)
        var summary = outcomes.GroupBy(o => o.Outcome).Select(g => $"{g.Key}: {g.Count()}");
        var notDelivered = outcomes.Where(o => o.Outcome != "published").Select(o => $"{o.Entry.Name} → {o.Outcome}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{corpus.Count} hostile + {corpus.Count} valid messages; {string.Join("; ", summary)}; {rejects.Count} rejects stored by reason: " +
            string.Join(", ", rejects.GroupBy(r => r.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        TestContext.Current.TestOutputHelper?.WriteLine("Not delivered to the worker:\n  " + string.Join("\n  ", notDelivered));
        Assert.Contains(outcomes, o => o.Entry.Name == "payload-1-mb" && o.Outcome.StartsWith("refused by the broker", StringComparison.Ordinal));
    }

    /// <summary>A device-side client that reports what became of each publish instead of failing on the first refusal.</summary>
    private sealed class Publisher(string host, int port, string clientId) : IAsyncDisposable
    {
        private IMqttClient _client = new MqttClientFactory().CreateMqttClient();

        public async Task<string> TryPublishAsync(string topic, byte[] payload, CancellationToken ct)
        {
            if (!_client.IsConnected)
            {
                // A client the broker disconnected is replaced: MQTTnet refuses to reconnect one mid-disconnect.
                _client.Dispose();
                _client = new MqttClientFactory().CreateMqttClient();
                await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(clientId).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(), ct);
            }

            MqttApplicationMessage message;
            try
            {
                message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                MqttTopicValidator.ThrowIfInvalid(message);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttProtocolViolationException or ArgumentException)
            {
                return "refused by the client library (" + ex.GetType().Name + ")";
            }

            try
            {
                using var timeoutTimer = new CancellationTokenSource(TimeSpan.FromSeconds(10), TimeProvider.System);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutTimer.Token);
                var result = await _client.PublishAsync(message, timeout.Token);
                return result.IsSuccess ? "published" : "refused by the broker: " + result.ReasonCode;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                return "refused by the broker: disconnected (" + ex.GetType().Name + ")";
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }

            _client.Dispose();
        }
    }
}
