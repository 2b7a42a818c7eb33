using System.Collections;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Broker;

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
        Assert.Equal(0, limiter.TrackedClients);
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

        var result = new BrokerOptionsValidator(new SmartOverhalla.Gateway.Tests.Lighting.TestEnvironment { EnvironmentName = Environments.Production }).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Broker:Embedded:PublishRateLimit:Burst", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _meters.Dispose();

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
