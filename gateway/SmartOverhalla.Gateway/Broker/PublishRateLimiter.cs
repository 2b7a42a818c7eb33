using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Limits what each MQTT client publishes to the embedded broker (<see cref="PublishRateLimitOptions"/>). Hooked into
/// MQTTnet's publish interceptor, which the broker awaits inside the publishing client's own receive loop: delaying
/// there slows only that client (its next packets wait in its own socket; TCP pushes back), never the others.
/// A client over its budget is throttled to the sustained rate; if it stays throttled for
/// <see cref="PublishRateLimitOptions.DisconnectAfter"/>, its current publish is refused (MQTT 5 reason
/// <c>QuotaExceeded</c>) and the connection is closed. Every publish it had accepted is delivered. One log line per
/// episode, not per message.
/// </summary>
internal sealed partial class PublishRateLimiter
{
    private readonly ConcurrentDictionary<string, ClientBudget> _clients = new(StringComparer.Ordinal);
    private readonly PublishRateLimitOptions _options;
    private readonly BrokerMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PublishRateLimiter> _logger;

    public PublishRateLimiter(IOptions<BrokerOptions> options, BrokerMetrics metrics, TimeProvider timeProvider, ILogger<PublishRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Embedded.PublishRateLimit;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Clients with a budget now (they are forgotten when they disconnect).</summary>
    public int TrackedClients => _clients.Count;

    /// <summary>The <c>InterceptingPublishAsync</c> handler.</summary>
    public async Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // An empty client id is a message the server injected itself.
        if (!_options.Enabled || string.IsNullOrEmpty(e.ClientId) || IsExempt(e))
        {
            return;
        }

        var budget = _clients.GetOrAdd(e.ClientId, static (_, state) => new ClientBudget(state.Burst, state.Now), (Burst: (double)_options.Burst, Now: _timeProvider.GetUtcNow()));
        var decision = budget.Take(_timeProvider.GetUtcNow(), _options);
        switch (decision.Kind)
        {
            case DecisionKind.Pass:
                if (decision.EndedEpisodeThrottled > 0)
                {
                    LogFloodEnded(_logger, e.ClientId, decision.EndedEpisodeThrottled);
                }

                return;
            case DecisionKind.Throttle:
                _metrics.PublishThrottled();
                if (decision.EpisodeStarted)
                {
                    _metrics.FloodEpisodeStarted();
                    LogThrottling(_logger, e.ClientId, _options.SustainedPerSecond, _options.Burst, _options.DisconnectAfter);
                }

                try
                {
                    await Task.Delay(decision.Delay, _timeProvider, e.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // The connection is closing: nothing left to slow down, and no error to report.
                }

                return;
            default:
                // MQTT 5 clients see the reason on the refused publish; every client sees the connection close.
                e.ProcessPublish = false;
                e.CloseConnection = true;
                e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
                e.Response.ReasonString = $"publish rate over {_options.SustainedPerSecond}/s for {_options.DisconnectAfter.TotalSeconds:0.#} s";
                _metrics.FloodDisconnected();
                LogDisconnecting(_logger, e.ClientId, decision.EndedEpisodeThrottled, _options.DisconnectAfter);
                _clients.TryRemove(e.ClientId, out _);
                return;
        }
    }

    /// <summary>The <c>ClientDisconnectedAsync</c> handler: a gone client's budget is forgotten (bounded memory).</summary>
    public Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _clients.TryRemove(e.ClientId, out _);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The platform's own service accounts (gateway, ingestion) are never limited; an authenticated device always is,
    /// whatever client id or user name it picks, so the patterns cannot be used to escape the limit. The patterns only
    /// decide for clients without a principal (anonymous clients, allowed in Development only).
    /// </summary>
    private bool IsExempt(InterceptingPublishEventArgs e) => e.SessionItems[BrokerPrincipal.SessionItemKey] switch
    {
        BrokerPrincipal { Role: BrokerRole.Device } => false,
        BrokerPrincipal { Role: BrokerRole.Gateway or BrokerRole.Ingestion } => true,
        _ => Matches(_options.ExemptClientIds, e.ClientId) || (e.UserName is not null && Matches(_options.ExemptUserNames, e.UserName)),
    };

    private static bool Matches(IList<string> patterns, string value)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.EndsWith('*')
                ? value.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
                : string.Equals(value, pattern, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(1016, LogLevel.Warning, "MQTT client {ClientId} publishes over its budget of {SustainedPerSecond}/s (burst {Burst}): throttled, disconnected if it goes on for {DisconnectAfter}. Logged once per episode")]
    private static partial void LogThrottling(ILogger logger, string clientId, double sustainedPerSecond, int burst, TimeSpan disconnectAfter);

    [LoggerMessage(1017, LogLevel.Warning, "MQTT client {ClientId} kept flooding ({Throttled} publishes throttled in {DisconnectAfter}): publish refused with QuotaExceeded and connection closed")]
    private static partial void LogDisconnecting(ILogger logger, string clientId, long throttled, TimeSpan disconnectAfter);

    [LoggerMessage(1018, LogLevel.Information, "MQTT client {ClientId} is within its publish budget again ({Throttled} publishes were throttled)")]
    private static partial void LogFloodEnded(ILogger logger, string clientId, long throttled);

    private enum DecisionKind
    {
        Pass,
        Throttle,
        Disconnect,
    }

    private readonly record struct Decision(DecisionKind Kind, TimeSpan Delay, bool EpisodeStarted, long EndedEpisodeThrottled);

    /// <summary>One client's token bucket and flood episode. The broker handles one client's publishes one at a time; the lock is for safety only.</summary>
    private sealed class ClientBudget(double burst, DateTimeOffset now)
    {
        private readonly Lock _gate = new();
        private double _tokens = burst;
        private DateTimeOffset _refilledAt = now;
        private DateTimeOffset? _episodeStartedAt;
        private DateTimeOffset _lastThrottledAt;
        private long _throttledInEpisode;

        public Decision Take(DateTimeOffset now, PublishRateLimitOptions options)
        {
            lock (_gate)
            {
                var elapsed = (now - _refilledAt).TotalSeconds;
                if (elapsed > 0)
                {
                    _tokens = Math.Min(options.Burst, _tokens + (elapsed * options.SustainedPerSecond));
                    _refilledAt = now;
                }

                var endedThrottled = 0L;
                if (_episodeStartedAt is not null && now - _lastThrottledAt >= options.QuietPeriod)
                {
                    endedThrottled = _throttledInEpisode;
                    _episodeStartedAt = null;
                    _throttledInEpisode = 0;
                }

                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return new Decision(DecisionKind.Pass, TimeSpan.Zero, false, endedThrottled);
                }

                var started = _episodeStartedAt is null;
                _episodeStartedAt ??= now;
                _throttledInEpisode++;
                if (now - _episodeStartedAt.Value >= options.DisconnectAfter)
                {
                    return new Decision(DecisionKind.Disconnect, TimeSpan.Zero, false, _throttledInEpisode);
                }

                // Reserve the next token: the client's following publish is processed only after this delay, so
                // its rate settles at exactly the sustained rate.
                var delay = TimeSpan.FromSeconds((1 - _tokens) / options.SustainedPerSecond);
                _tokens -= 1;
                _lastThrottledAt = now + delay;
                return new Decision(DecisionKind.Throttle, delay, started, 0);
            }
        }
    }
}
