using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Limits what each MQTT identity publishes to the embedded broker (<see cref="PublishRateLimitOptions"/>). Hooked into
/// MQTTnet's publish interceptor, which the broker awaits inside the publishing client's own receive loop: delaying
/// there slows only that client (its next packets wait in its own socket; TCP pushes back), never the others.
/// A client over its budget is throttled to the sustained rate; if it stays throttled for
/// <see cref="PublishRateLimitOptions.DisconnectAfter"/>, its current publish is refused (MQTT 5 reason
/// <c>QuotaExceeded</c>) and the connection is closed. Every publish it had accepted is delivered. One log line per
/// episode, not per message.
/// </summary>
/// <remarks>
/// Budgets belong to the authenticated identity (the <see cref="BrokerPrincipal"/>'s name), not to the connection:
/// they outlive a disconnect, so reconnecting — or opening a second connection — never buys a fresh burst (security
/// review of issue 5). After a flood disconnect the identity's bucket stays empty for
/// <see cref="PublishRateLimitOptions.DisconnectAfter"/>. Memory stays bounded by forgetting buckets that are full
/// again, out of any episode or penalty and unused for <see cref="PublishRateLimitOptions.QuietPeriod"/>: such a
/// bucket is exactly what a new one would be, so forgetting it gives nobody anything. Anonymous clients (Development
/// only) have no identity but their client id, so for them a new client id is still a new budget.
/// </remarks>
internal sealed partial class PublishRateLimiter
{
    private readonly ConcurrentDictionary<BudgetKey, IdentityBudget> _budgets = new();
    private readonly Lock _sweepGate = new();
    private readonly PublishRateLimitOptions _options;
    private readonly BrokerMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PublishRateLimiter> _logger;
    private readonly long _quietPeriodTicks;
    private long _nextSweepAt;
    private int _sweepAboveCount;
    private bool _overCapReported;

    public PublishRateLimiter(IOptions<BrokerOptions> options, BrokerMetrics metrics, TimeProvider timeProvider, ILogger<PublishRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Embedded.PublishRateLimit;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _quietPeriodTicks = (long)(_options.QuietPeriod.TotalSeconds * _timeProvider.TimestampFrequency);
        _nextSweepAt = _timeProvider.GetTimestamp() + _quietPeriodTicks;
        _sweepAboveCount = _options.MaxTrackedIdentities;
    }

    /// <summary>Identities with a budget now (kept across reconnects; forgotten once idle and full again).</summary>
    public int TrackedClients => _budgets.Count;

    /// <summary>The <c>InterceptingPublishAsync</c> handler.</summary>
    public async Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // An empty client id is a message the server injected itself.
        if (!_options.Enabled || string.IsNullOrEmpty(e.ClientId) || IsExempt(e))
        {
            return;
        }

        var now = _timeProvider.GetTimestamp();
        SweepIfDue(now);
        var identity = IdentityOf(e);
        var decision = TakeToken(identity, now);
        switch (decision.Kind)
        {
            case PublishDecisionKind.Pass:
                if (decision.EndedEpisodeThrottled > 0)
                {
                    LogFloodEnded(_logger, e.ClientId, decision.EndedEpisodeThrottled);
                }

                return;
            case PublishDecisionKind.Throttle:
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
                // MQTT 5 clients see the reason on the refused publish; every client sees the connection close. The
                // identity's bucket is kept, empty and penalised, so a reconnect starts where this one stopped.
                e.ProcessPublish = false;
                e.CloseConnection = true;
                e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
                e.Response.ReasonString = $"publish rate over {_options.SustainedPerSecond}/s for {_options.DisconnectAfter.TotalSeconds:0.#} s";
                _metrics.FloodDisconnected();
                LogDisconnecting(_logger, e.ClientId, decision.EndedEpisodeThrottled, _options.DisconnectAfter);
                return;
        }
    }

    /// <summary>
    /// The <c>ClientDisconnectedAsync</c> handler. The budget belongs to the identity, not the connection, so it is
    /// kept (forgetting it here is what let a device reset its limit by reconnecting); the periodic sweep forgets it
    /// once it is idle and full again.
    /// </summary>
    public Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        SweepIfDue(_timeProvider.GetTimestamp());
        return Task.CompletedTask;
    }

    /// <summary>
    /// A device's user name (its registry identity); an anonymous client (Development only; its principal is the
    /// shared "anonymous") has only its client id. Service accounts never get here (exempt).
    /// </summary>
    private static BudgetKey IdentityOf(InterceptingPublishEventArgs e) =>
        e.SessionItems[BrokerPrincipal.SessionItemKey] is BrokerPrincipal { Role: BrokerRole.Device } device ? new(true, device.Name) : new(false, e.ClientId);

    /// <summary>Whose budget: a device's user name, or an anonymous client's id (a struct: no allocation per publish).</summary>
    private readonly record struct BudgetKey(bool IsDevice, string Name);

    private PublishDecision TakeToken(BudgetKey identity, long now)
    {
        // Counting the map takes all its locks: only when an identity is new.
        if (!_budgets.ContainsKey(identity) && _budgets.Count >= Volatile.Read(ref _sweepAboveCount))
        {
            Sweep(now, overCap: true);
        }

        // A bucket the sweep retired between the look-up and the take is gone from the map: look again (bounded,
        // since a retired bucket is removed before the sweep lets go of it, and a new one is never retired at once).

        for (var attempt = 0; ; attempt++)
        {
            var budget = _budgets.GetOrAdd(identity, static (_, state) => new IdentityBudget(state.Options, state.Clock, state.Now), (Options: _options, Clock: _timeProvider, Now: now));
            if (budget.TryTake(now, _options, out var decision) || attempt >= 3)
            {
                return decision;
            }
        }
    }

    /// <summary>
    /// Forgets idle full buckets every <see cref="PublishRateLimitOptions.QuietPeriod"/>; over the cap, at once and
    /// every full bucket even if it was used just now (still lossless: a full bucket out of any episode or penalty is
    /// what a new one would be).
    /// </summary>
    private void SweepIfDue(long now)
    {
        if (now >= Interlocked.Read(ref _nextSweepAt))
        {
            Sweep(now, overCap: false);
        }
    }

    private void Sweep(long now, bool overCap)
    {
        // One sweeper at a time; the others go on with their publish rather than wait.
        if (!_sweepGate.TryEnter())
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _nextSweepAt, now + _quietPeriodTicks);
            foreach (var (identity, budget) in _budgets)
            {
                if (budget.TryRetire(now, _options, requireIdle: !overCap))
                {
                    _budgets.TryRemove(new KeyValuePair<BudgetKey, IdentityBudget>(identity, budget));
                }
            }

            // If everything left is in use, sweep again only after another tenth of the cap has been added, so a
            // sweep (linear in the count) costs a bounded amount per new identity.
            var count = _budgets.Count;
            var stillOver = count >= _options.MaxTrackedIdentities;
            Volatile.Write(ref _sweepAboveCount, stillOver ? count + Math.Max(1, _options.MaxTrackedIdentities / 10) : _options.MaxTrackedIdentities);
            if (stillOver && !_overCapReported)
            {
                LogOverCap(_logger, count, _options.MaxTrackedIdentities);
            }

            _overCapReported = stillOver;
        }
        finally
        {
            _sweepGate.Exit();
        }
    }

    /// <summary>
    /// The platform's own service accounts (gateway, ingestion, LoRaWAN network server, which speaks for a whole fleet) are never limited; an authenticated device always is,
    /// whatever client id or user name it picks, so the patterns cannot be used to escape the limit. The patterns only
    /// decide for clients without a principal (anonymous clients, allowed in Development only).
    /// </summary>
    private bool IsExempt(InterceptingPublishEventArgs e) => e.SessionItems[BrokerPrincipal.SessionItemKey] switch
    {
        BrokerPrincipal { Role: BrokerRole.Device } => false,
        BrokerPrincipal { Role: BrokerRole.Gateway or BrokerRole.Ingestion or BrokerRole.NetworkServer } => true,
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

    [LoggerMessage(1031, LogLevel.Warning, "The publish rate limiter tracks {Count} identities, over its cap of {Cap}, and none of them is idle: memory grows with the number of active identities")]
    private static partial void LogOverCap(ILogger logger, int count, int cap);
}
