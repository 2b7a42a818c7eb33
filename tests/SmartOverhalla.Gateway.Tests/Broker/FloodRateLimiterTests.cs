using System.Collections;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Net;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>The embedded broker's per-client publish limiter on a fake clock.</summary>
public sealed class FloodRateLimiterTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.Zero));
    private readonly MeterFactory _meters = new();

    [Fact]
    public async Task InterceptAsync_WithinBurst_PassesAtOnce_ThenDelaysToTheSustainedRate()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 20, Burst = 100 });

        // Given a full burst
        for (var i = 0; i < 100; i++)
        {
            var pass = limiter.InterceptAsync(Publish("dev-1"));
            Assert.True(pass.IsCompletedSuccessfully);
        }

        // When one more comes at the same instant, Then it waits one token's time (50 ms at 20/s)
        var args = Publish("dev-1");
        var throttled = limiter.InterceptAsync(args);
        Assert.False(throttled.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(throttled.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await throttled;
        Assert.True(args.ProcessPublish);
        Assert.Equal(1, metrics.ThrottledTotal);
        Assert.Equal(1, metrics.FloodEpisodesTotal);

        // And another client is not affected
        Assert.True(limiter.InterceptAsync(Publish("dev-2")).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task InterceptAsync_ThrottledLongerThanDisconnectAfter_RefusesWithQuotaExceededAndClosesTheConnection()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 10, Burst = 1, DisconnectAfter = TimeSpan.FromSeconds(1) });
        Assert.True(limiter.InterceptAsync(Publish("flooder")).IsCompletedSuccessfully);

        // Given a client that publishes again as soon as each publish is let through, for over a second
        InterceptingPublishEventArgs last;
        var throttled = 0;
        while (true)
        {
            last = Publish("flooder");
            var pending = limiter.InterceptAsync(last);
            if (pending.IsCompleted)
            {
                await pending;
                break;
            }

            throttled++;
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await pending;
            Assert.True(throttled < 100, "never disconnected");
        }

        // Then it was throttled for a second, then refused and disconnected, once
        Assert.InRange(throttled, 10, 11);
        Assert.False(last.ProcessPublish);
        Assert.True(last.CloseConnection);
        Assert.Equal(MqttPubAckReasonCode.QuotaExceeded, last.Response.ReasonCode);
        Assert.Equal(1, metrics.FloodDisconnectsTotal);
        Assert.Equal(1, limiter.TrackedClients);
    }

    [Fact]
    public async Task InterceptAsync_DeviceReconnectsAfterItsBurst_DoesNotGetAFreshBucket()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 20, Burst = 100 });
        var device = Device("l1");

        // Given a device that used its whole burst
        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("l1", device)).IsCompletedSuccessfully);
        }

        // When it disconnects and connects again (its session items are new, its identity is the same)
        await limiter.OnClientDisconnectedAsync(Disconnected("l1"));
        var afterReconnect = limiter.InterceptAsync(Publish("l1", device));

        // Then its next publish still waits for a token, as if it had never left
        Assert.False(afterReconnect.IsCompleted);
        Assert.Equal(1, metrics.ThrottledTotal);
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        await afterReconnect;
    }

    [Fact]
    public void InterceptAsync_SecondConnectionOfTheSameIdentity_SharesTheBucket()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 1, Burst = 2 });
        var device = Device("l1");

        Assert.True(limiter.InterceptAsync(Publish("l1", device)).IsCompletedSuccessfully);
        Assert.True(limiter.InterceptAsync(Publish("l1-second-connection", device)).IsCompletedSuccessfully);
        var third = limiter.InterceptAsync(Publish("l1-third-connection", device));

        Assert.False(third.IsCompleted);
        Assert.Equal(1, metrics.ThrottledTotal);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public void InterceptAsync_AnonymousClients_HaveABucketPerClientId()
    {
        // Anonymous clients (Development) all carry the one "anonymous" principal: it must not become a shared bucket.
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 1, Burst = 1 });
        var anonymous = new BrokerPrincipal(BrokerRole.Anonymous, "anonymous");

        for (var i = 0; i < 20; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("dev-" + i, anonymous)).IsCompletedSuccessfully);
        }

        Assert.False(limiter.InterceptAsync(Publish("dev-0", anonymous)).IsCompleted);
        Assert.Equal(1, metrics.ThrottledTotal);
        Assert.Equal(20, limiter.TrackedClients);
    }

    [Fact]
    public async Task InterceptAsync_AfterAFloodDisconnect_TheIdentityGetsNothingThroughForDisconnectAfter_ThenTheSustainedRate()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 10, Burst = 5, DisconnectAfter = TimeSpan.FromSeconds(1) });
        var device = Device("flooder");
        await FloodUntilDisconnectedAsync(limiter, device);
        Assert.Equal(1, metrics.FloodDisconnectsTotal);

        // When it reconnects at once and publishes
        await limiter.OnClientDisconnectedAsync(Disconnected("flooder"));
        var first = Publish("flooder", device);
        var pending = limiter.InterceptAsync(first);

        // Then nothing goes through until the penalty (DisconnectAfter) is over, and no burst after it either
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(101));
        await pending;
        Assert.True(first.ProcessPublish);
        var next = limiter.InterceptAsync(Publish("flooder", device));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await next;

        // And once it publishes within its rate it is not disconnected again
        _clock.Advance(TimeSpan.FromSeconds(2));
        var calm = Publish("flooder", device);
        Assert.True(limiter.InterceptAsync(calm).IsCompletedSuccessfully);
        Assert.True(calm.ProcessPublish);
        Assert.Equal(1, metrics.FloodDisconnectsTotal);
    }

    [Fact]
    public async Task InterceptAsync_IdleBucketsThatAreFullAgain_AreForgottenOnTheNextSweep_ButNotOnesStillRefilling()
    {
        var (limiter, _) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 1, Burst = 10, QuietPeriod = TimeSpan.FromSeconds(1) });

        // Given 500 devices that published once, and one that used its whole burst
        for (var i = 0; i < 500; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("d" + i, Device("d" + i))).IsCompletedSuccessfully);
            await limiter.OnClientDisconnectedAsync(Disconnected("d" + i));
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("busy", Device("busy"))).IsCompletedSuccessfully);
        }

        Assert.Equal(501, limiter.TrackedClients);

        // When a quiet period has passed (the 500 are full again after 1 s, the busy one needs 10 s)
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.InterceptAsync(Publish("other", Device("other"))).IsCompletedSuccessfully);

        // Then only the busy one and the newcomer are still tracked
        Assert.Equal(2, limiter.TrackedClients);

        // And the busy one is forgotten once it is full again too
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.InterceptAsync(Publish("other2", Device("other2"))).IsCompletedSuccessfully);
        Assert.Equal(1, limiter.TrackedClients);
    }

    [Fact]
    public void InterceptAsync_ManyIdentitiesWithinOneQuietPeriod_StayWithinTheCap()
    {
        var (limiter, _) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 20, Burst = 100, QuietPeriod = TimeSpan.FromHours(1), MaxTrackedIdentities = 100 });
        var maxTracked = 0;

        // 2,000 identities, one publish each, 10 ms apart: each bucket is full again 50 ms after its publish, long
        // before the next scheduled sweep (an hour), so only the cap can keep the count down.
        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("d" + i, Device("d" + i))).IsCompletedSuccessfully);
            maxTracked = Math.Max(maxTracked, limiter.TrackedClients);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(maxTracked, 100, 101);
    }

    [Fact]
    public async Task InterceptAsync_OverTheCap_NeverForgetsABucketThatIsNotFull()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 1, Burst = 1, QuietPeriod = TimeSpan.FromHours(1), MaxTrackedIdentities = 100 });
        var flooder = Device("flooder");
        Assert.True(limiter.InterceptAsync(Publish("flooder", flooder)).IsCompletedSuccessfully);

        // When 300 other identities arrive at once, far over the cap
        for (var i = 0; i < 300; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("d" + i, Device("d" + i))).IsCompletedSuccessfully);
        }

        // Then the flooder's empty bucket was kept: its next publish waits
        var next = limiter.InterceptAsync(Publish("flooder", flooder));
        Assert.False(next.IsCompleted);
        Assert.Equal(1, metrics.ThrottledTotal);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await next;
    }

    [Fact]
    public void InterceptAsync_ExemptClientsAndServerInjectedMessages_AreNeverLimited()
    {
        var options = new PublishRateLimitOptions { SustainedPerSecond = 1, Burst = 1 };
        options.ExemptUserNames.Add("svc-*");
        var (limiter, metrics) = Limiter(options);

        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("smartoverhalla-ingestion")).IsCompletedSuccessfully);
            Assert.True(limiter.InterceptAsync(Publish("load-7", userName: "svc-load")).IsCompletedSuccessfully);
            Assert.True(limiter.InterceptAsync(Publish(string.Empty)).IsCompletedSuccessfully);
        }

        Assert.Equal(0, metrics.ThrottledTotal);
        Assert.Equal(0, limiter.TrackedClients);
    }

    [Fact]
    public void InterceptAsync_AuthenticatedDeviceWithAServiceLikeClientId_IsStillLimited()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { SustainedPerSecond = 1, Burst = 1 });
        var device = BrokerPrincipal.Device("overhalla/streetlight/smartoverhalla-x", "overhalla", DeviceKind.Streetlight, "smartoverhalla-x");
        var service = new BrokerPrincipal(BrokerRole.Ingestion, "smartoverhalla-ingestion");

        Assert.True(limiter.InterceptAsync(Publish("smartoverhalla-x", device)).IsCompletedSuccessfully);
        var second = limiter.InterceptAsync(Publish("smartoverhalla-x", device));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("any-id", service)).IsCompletedSuccessfully);
        }

        Assert.False(second.IsCompleted);
        Assert.Equal(1, metrics.ThrottledTotal);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public void InterceptAsync_Disabled_NeverLimits()
    {
        var (limiter, metrics) = Limiter(new PublishRateLimitOptions { Enabled = false, SustainedPerSecond = 1, Burst = 1 });

        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.InterceptAsync(Publish("dev-1")).IsCompletedSuccessfully);
        }

        Assert.Equal(0, metrics.ThrottledTotal);
    }

    [Fact]
    public void Options_ConfiguredExemptions_AreAddedToTheDefault()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Broker:Embedded:PublishRateLimit:ExemptClientIds:0"] = "sim-load-*",
            ["Broker:Embedded:PublishRateLimit:SustainedPerSecond"] = "5",
        }).Build();

        var options = configuration.GetSection("Broker").Get<BrokerOptions>()!;

        Assert.Equal(["smartoverhalla-*", "sim-load-*"], options.Embedded.PublishRateLimit.ExemptClientIds);
        Assert.Equal(5, options.Embedded.PublishRateLimit.SustainedPerSecond);
    }

    [Fact]
    public void Validate_OutOfRangeLimit_FailsTheStartNamingTheSetting()
    {
        var options = new BrokerOptions();
        options.Embedded.PublishRateLimit.Burst = 0;

        var result = new ConfigurationKeyValidator<BrokerOptions, BrokerOptionsValidator>(BrokerOptions.SectionName).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Broker:Embedded:PublishRateLimit:Burst", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _meters.Dispose();

    private static BrokerPrincipal Device(string deviceId) =>
        BrokerPrincipal.Device($"overhalla/streetlight/{deviceId}", "overhalla", DeviceKind.Streetlight, deviceId);

    private static ClientDisconnectedEventArgs Disconnected(string clientId) =>
        new(new MqttConnectPacket { ClientId = clientId }, new MqttDisconnectPacket(), MqttClientDisconnectType.Clean, new IPEndPoint(IPAddress.Loopback, 50_000), new Hashtable());

    /// <summary>Publishes as soon as each publish is let through until the limiter refuses one and closes the connection.</summary>
    private async Task FloodUntilDisconnectedAsync(PublishRateLimiter limiter, BrokerPrincipal device)
    {
        for (var i = 0; i < 1_000; i++)
        {
            var args = Publish(device.DeviceId!, device);
            var pending = limiter.InterceptAsync(args);
            if (!pending.IsCompleted)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            await pending;
            if (args.CloseConnection)
            {
                return;
            }
        }

        Assert.Fail("never disconnected");
    }

    private (PublishRateLimiter Limiter, BrokerMetrics Metrics) Limiter(PublishRateLimitOptions rateLimit)
    {
        var options = new BrokerOptions();
        options.Embedded.PublishRateLimit = rateLimit;
        var metrics = new BrokerMetrics(_meters);
        return (new PublishRateLimiter(Options.Create(options), metrics, _clock, NullLogger<PublishRateLimiter>.Instance), metrics);
    }

    private static InterceptingPublishEventArgs Publish(string clientId, BrokerPrincipal principal) =>
        new(
            new MqttApplicationMessageBuilder().WithTopic("smartcity/v1/overhalla/streetlight/x/telemetry").Build(),
            clientId,
            principal.Name,
            new Hashtable { [BrokerPrincipal.SessionItemKey] = principal },
            CancellationToken.None);

    private static InterceptingPublishEventArgs Publish(string clientId, string? userName = null) =>
        new(new MqttApplicationMessageBuilder().WithTopic("smartcity/v1/overhalla/streetlight/x/telemetry").Build(), clientId, userName!, new Hashtable(), CancellationToken.None);

    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
