using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// A device's retained <c>online</c> status published while the ingestion worker subscribes to the embedded broker. The
/// test publishes it from inside the broker's subscription interceptor, when the worker's status subscription is being
/// made: after MQTTnet has copied its retained messages and before the subscription is live, the gap in which it was
/// lost (<see cref="RetainedAtSubscribe"/>).
/// </summary>
public sealed class RetainedStatusTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_retained_online_status_published_while_the_worker_subscribes_is_stored()
    {
        // Given the gateway's embedded broker and a water meter that is connected but has not said it is online yet
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        var port = await platform.StartGatewayWithEmbeddedBrokerAsync(ct);
        var server = platform.GatewayServices!.GetRequiredService<EmbeddedBroker>().Server ?? throw new InvalidOperationException("The embedded broker is not running.");
        var metrics = platform.GatewayServices!.GetRequiredService<BrokerMetrics>();
        var prefix = $"smartcity/v1/{platform.Municipality}/watermeter/m1";
        var statusFilter = $"smartcity/v1/+/+/+/status";
        var workerId = "smartoverhalla-ingestion-" + platform.Municipality;
        using var meter = new MqttClientFactory().CreateMqttClient();
        await meter.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("m1-" + platform.Municipality).Build(), ct);
        var ts = TimeProvider.System.GetUtcNow().AddSeconds(-5);

        // When the meter says "online" (retained) just as the broker makes the worker's status subscription
        var notConsumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<MqttClientPublishResult>? online = null;
        Task OnNotConsumedAsync(ApplicationMessageNotConsumedEventArgs e)
        {
            if (e.ApplicationMessage.Topic == $"{prefix}/status")
            {
                notConsumed.TrySetResult();
            }

            return Task.CompletedTask;
        }

        async Task PublishDuringSubscribeAsync(InterceptingSubscriptionEventArgs e)
        {
            if (e.ClientId != workerId || e.TopicFilter.Topic != statusFilter || online is not null)
            {
                return;
            }

            var heldBefore = metrics.RetainedHeldTotal;
            online = meter.PublishAsync(Message($"{prefix}/status", new DeviceStatus("m1", ts, DeviceState.Online), retain: true), ct);

            // Stored, and then either dispatched to no subscriber (the race) or held until the subscription is live (the fix).
            await Eventually.UntilAsync(
                async _ => await server.GetRetainedMessageAsync($"{prefix}/status") is not null && (notConsumed.Task.IsCompleted || metrics.RetainedHeldTotal > heldBefore),
                TimeSpan.FromSeconds(10),
                "the online status to be stored and then dispatched or held",
                ct);
        }

        server.ApplicationMessageNotConsumedAsync += OnNotConsumedAsync;
        server.InterceptingSubscriptionAsync += PublishDuringSubscribeAsync;
        try
        {
            await platform.StartIngestionAsync("127.0.0.1", port, ct);
        }
        finally
        {
            server.InterceptingSubscriptionAsync -= PublishDuringSubscribeAsync;
            server.ApplicationMessageNotConsumedAsync -= OnNotConsumedAsync;
        }

        Assert.NotNull(online);
        await online.WaitAsync(Deadline, TimeProvider.System, ct);

        // Then, once a reading the meter sent afterwards is stored, its online status is stored too
        var alarms = new WatermeterAlarms(Leak: false, Burst: false, Backflow: false, Dry: false, Tamper: false, LowBattery: false);
        await meter.PublishAsync(Message($"{prefix}/telemetry", new WatermeterTelemetry("m1", ts.AddSeconds(1), 1000.0, 0.0, 8.0, 90, alarms), retain: false), ct);
        await Eventually.UntilAsync(
            async c => await platform.Influx.CountAsync("watermeter", "volumeL", c, "\"device\" = 'm1'", WaterRetention.RawPolicy) == 1,
            Deadline,
            "the meter's reading in InfluxDB",
            ct);
        var statuses = await platform.Influx.RowsAsync("SELECT last(\"online\") FROM \"device_status\" WHERE \"device\" = 'm1'", ct);
        var (series, row) = Assert.Single(statuses);
        Assert.True(series.GetValue(row, "last").GetBoolean(), "the meter's last stored status is not online");
        Assert.True(metrics.RetainedHeldTotal > 0, "the status was not published while the worker's subscription was being made");
        await meter.DisconnectAsync(cancellationToken: ct);
        platform.Logs.AssertNoUnexpectedErrors();
    }

    private static MqttApplicationMessage Message<T>(string topic, T payload, bool retain) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(JsonSerializer.SerializeToUtf8Bytes(payload, typeof(T), ContractJsonContext.Default))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithRetainFlag(retain)
        .Build();
}
