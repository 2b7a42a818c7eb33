using System.Globalization;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests.Flood;

/// <summary>
/// With <see cref="FloodAction.DeadLetter"/>, a flood's over-budget messages are not written to the device's series
/// but none is lost: each is a <c>rate-limited</c> reject that keeps its payload.
/// </summary>
public sealed class FloodDeadLetterThroughMosquittoTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const int Flood = 2_000;

    [Fact]
    public async Task In_dead_letter_mode_every_flood_message_is_either_stored_within_budget_or_a_rate_limited_reject_with_its_payload()
    {
        var ct = TestContext.Current.CancellationToken;
        using var overallTimer = new CancellationTokenSource(TimeSpan.FromMinutes(2), TimeProvider.System);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct, overallTimer.Token);
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url, new Dictionary<string, string?>
        {
            ["Ingestion:Flood:SustainedPerSecond"] = "20",
            ["Ingestion:Flood:Burst"] = "50",
            ["Ingestion:Flood:Action"] = "DeadLetter",
        });
        await h.StartWorkerAsync(overall.Token);

        // Given one device publishing 2,000 messages at about 1,000 a second
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Server.Host, mosquitto.Server.Port).WithClientId("flood-dl-" + h.Municipality).Build(), overall.Token);
        var topic = h.Topic("streetlight", "flood-1");
        var first = TimeProvider.System.GetUtcNow().AddMinutes(-20);
        var publishes = new List<Task<MqttClientPublishResult>>(Flood);
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
        {
            while (publishes.Count < Flood)
            {
                for (var i = 0; i < 10; i++)
                {
                    var payload = JsonSerializer.SerializeToUtf8Bytes(IngestionHarness.Light("flood-1", first.AddMilliseconds(publishes.Count), 7), ContractJsonContext.Default.StreetlightTelemetry);
                    publishes.Add(client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), overall.Token));
                }

                await timer.WaitForNextTickAsync(overall.Token);
            }
        }

        Assert.All(await Task.WhenAll(publishes), r => Assert.True(r.IsSuccess));

        // Then every message is accounted for: points within the budget plus rate-limited rejects
        long stored = 0, rejected = 0;
        await Eventually.UntilAsync(
            async c =>
            {
                stored = await h.Influx.CountAsync("streetlight", "dimLevel", c, "device = 'flood-1'");
                rejected = await h.Influx.CountAsync("ingestion_reject", "count", c, $"reason = '{MessageIntake.RateLimitedReason}'");
                return stored + rejected == Flood;
            },
            TimeSpan.FromSeconds(60),
            $"{Flood} flood messages stored or rejected",
            overall.Token);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Flood} sent: {stored} stored within budget, {rejected} rate-limited rejects"));

        // And the budget is what let messages through: the burst of 50 plus 20/s over about 2 s
        Assert.InRange(stored, 50, 50 + (20 * 5));

        // And each reject keeps the device's whole message, so staff can recover it
        var rows = await h.Influx.RowsAsync($"SELECT payloadBase64, problems FROM ingestion_reject WHERE reason = '{MessageIntake.RateLimitedReason}' LIMIT 20", overall.Token);
        Assert.All(rows, r =>
        {
            var payload = Encoding.UTF8.GetString(Convert.FromBase64String(r.Series.GetString(r.Row, "payloadBase64")!));
            Assert.StartsWith("{\"deviceId\":\"flood-1\"", payload, StringComparison.Ordinal);
            Assert.Contains("budget", r.Series.GetString(r.Row, "problems"), StringComparison.Ordinal);
        });
        h.Logs!.AssertNoUnexpectedErrors();
        await client.DisconnectAsync(cancellationToken: overall.Token);
    }
}
