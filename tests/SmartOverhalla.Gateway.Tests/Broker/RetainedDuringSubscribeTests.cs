using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>
/// A retained message published while a client subscribes (<see cref="RetainedAtSubscribe"/>). The test puts the publish
/// exactly into the gap MQTTnet leaves: from inside the broker's subscription interceptor, which runs after MQTTnet has
/// copied the retained store and before the subscription is live.
/// </summary>
public sealed class RetainedDuringSubscribeTests(EmbeddedBrokerFixture fixture) : IClassFixture<EmbeddedBrokerFixture>
{
    [Fact]
    public async Task A_retained_status_published_while_a_client_subscribes_reaches_it_and_is_not_overtaken_by_the_older_one()
    {
        // Given a device whose retained status is "offline", and a subscriber about to subscribe to every status
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var status = $"smartcity/v1/{municipality}/watermeter/m1/status";
        var filter = $"smartcity/v1/{municipality}/+/+/status";
        var broker = fixture.Gateway.Services.GetRequiredService<EmbeddedBroker>();
        var server = broker.Server ?? throw new InvalidOperationException("The embedded broker is not running.");
        var metrics = fixture.Gateway.Services.GetRequiredService<BrokerMetrics>();
        await using var device = MqttTestClient.Clean(fixture.BrokerPort);
        await device.ConnectAsync(ct);
        await device.Client.PublishStringAsync(status, "offline", MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken: ct);
        await using var subscriber = MqttTestClient.Clean(fixture.BrokerPort);
        await subscriber.ConnectAsync(ct);
        var subscriberId = subscriber.Client.Options.ClientId;

        // When the device says "online" (retained) while the broker is making that subscription: after MQTTnet has
        // copied the retained store, before the subscription is live
        var notConsumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<MqttClientPublishResult>? online = null;
        Task OnNotConsumedAsync(ApplicationMessageNotConsumedEventArgs e)
        {
            if (e.ApplicationMessage.Topic == status && e.ApplicationMessage.ConvertPayloadToString() == "online")
            {
                notConsumed.TrySetResult();
            }

            return Task.CompletedTask;
        }

        async Task PublishDuringSubscribeAsync(InterceptingSubscriptionEventArgs e)
        {
            if (e.ClientId != subscriberId || e.TopicFilter.Topic != filter || online is not null)
            {
                return;
            }

            var heldBefore = metrics.RetainedHeldTotal;
            online = device.Client.PublishStringAsync(status, "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken: ct);

            // The publish has gone as far as it goes before the subscription is live: stored, and either dispatched to
            // no one (the race) or held until the subscription is live (the fix).
            await Eventually.UntilAsync(
                async _ => (await server.GetRetainedMessageAsync(status))?.ConvertPayloadToString() == "online"
                           && (notConsumed.Task.IsCompleted || metrics.RetainedHeldTotal > heldBefore),
                TimeSpan.FromSeconds(10),
                "the online status to be stored and then dispatched or held",
                ct);
        }

        server.ApplicationMessageNotConsumedAsync += OnNotConsumedAsync;
        server.InterceptingSubscriptionAsync += PublishDuringSubscribeAsync;
        try
        {
            await subscriber.Client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, ct);
        }
        finally
        {
            server.InterceptingSubscriptionAsync -= PublishDuringSubscribeAsync;
            server.ApplicationMessageNotConsumedAsync -= OnNotConsumedAsync;
        }

        Assert.NotNull(online);
        await online.WaitAsync(MqttTestClient.Deadline, TimeProvider.System, ct);

        // Then, by the time a later status of another device arrives, the subscriber has the device's retained status,
        // and the newest copy came last
        await device.Client.PublishStringAsync($"smartcity/v1/{municipality}/watermeter/sentinel/status", "online", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);
        var received = await subscriber.ReceiveUntilAsync(m => m.Topic.EndsWith("/sentinel/status", StringComparison.Ordinal), ct);
        var statuses = received.Where(m => m.Topic == status).Select(m => m.ConvertPayloadToString()).ToList();
        Assert.True(statuses.Count > 0, "the subscriber never got the device's retained status");
        Assert.Equal("online", statuses[^1]);
        Assert.DoesNotContain("offline", statuses);
        fixture.Gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_retained_message_stored_before_a_subscription_arrives_once_and_flagged_as_retained()
    {
        // Given a retained status on a topic the subscriber names exactly, and one under a wildcard filter
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var exact = $"smartcity/v1/{municipality}/streetlight/l1/status";
        var other = $"smartcity/v1/{municipality}/plough/p1/status";
        await using (var device = MqttTestClient.Clean(fixture.BrokerPort))
        {
            await device.ConnectAsync(ct);
            await device.Client.PublishStringAsync(exact, "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken: ct);
            await device.Client.PublishStringAsync(other, "online", MqttQualityOfServiceLevel.AtMostOnce, retain: true, cancellationToken: ct);
        }

        // When a client subscribes with two filters that both match the first topic, at QoS 1
        await using var subscriber = MqttTestClient.Clean(fixture.BrokerPort);
        await subscriber.ConnectAsync(ct);
        await subscriber.Client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(exact, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter($"smartcity/v1/{municipality}/+/+/status", MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            ct);

        // Then each retained message comes once, flagged retained, at the lower of its own and the granted QoS
        await using var sentinel = MqttTestClient.Clean(fixture.BrokerPort);
        await sentinel.ConnectAsync(ct);
        await sentinel.Client.PublishStringAsync($"smartcity/v1/{municipality}/plough/sentinel/status", "x", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);
        var received = await subscriber.ReceiveUntilAsync(m => m.Topic.EndsWith("/sentinel/status", StringComparison.Ordinal), ct);
        var retained = received.Where(m => m.Retain).OrderBy(m => m.Topic, StringComparer.Ordinal).ToList();
        Assert.Equal([other, exact], retained.Select(m => m.Topic));
        Assert.Equal([MqttQualityOfServiceLevel.AtMostOnce, MqttQualityOfServiceLevel.AtLeastOnce], retained.Select(m => m.QualityOfServiceLevel));
        fixture.Gateway.AssertNoUnexpectedErrors();
    }
}
