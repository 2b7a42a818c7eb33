using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>
/// Watches every device's message rate with a <see cref="RateLimiting.TokenBucket"/> (<see cref="DeviceFloodOptions"/>) and tells the intake
/// which messages are over the budget. Works with any broker: Mosquitto has no per-client rate limit, and even the
/// embedded broker's limiter sees clients, not the devices named in topics. O(1) per message with one uncontended
/// lock, so it never holds up the shared receive path; a flood is logged once when it starts and once when it ends.
/// </summary>
public sealed class DeviceFloodGuard
{
    private readonly ConcurrentDictionary<DeviceKey, DeviceBudget> _budgets = new();
    private readonly DeviceFloodOptions _options;
    private readonly FloodMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DeviceFloodGuard> _logger;
    private readonly long _quietTicks;
    private int _trackingFullLogged;

    public DeviceFloodGuard(IOptions<DeviceFloodOptions> options, FloodMetrics metrics, TimeProvider timeProvider, ILogger<DeviceFloodGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _quietTicks = (long)(_options.QuietPeriod.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>What to do with over-budget messages.</summary>
    public FloodAction Action => _options.Action;

    /// <summary>Devices tracked now (bounded by <see cref="DeviceFloodOptions.MaxTrackedDevices"/>).</summary>
    public int TrackedDevices => _budgets.Count;

    /// <summary>Counts one message of <paramref name="topic"/>'s device; false when it is over the device's budget.</summary>
    public bool Observe(DeviceTopic topic)
    {
        var key = new DeviceKey(topic.Municipality, topic.Kind, topic.DeviceId);
        var now = _timeProvider.GetTimestamp();
        if (!_budgets.TryGetValue(key, out var budget))
        {
            if (_budgets.Count >= _options.MaxTrackedDevices)
            {
                if (Interlocked.Exchange(ref _trackingFullLogged, 1) == 0)
                {
                    Log.FloodTrackingFull(_logger, _options.MaxTrackedDevices);
                }

                return true; // Fail open: an untracked device is never refused.
            }

            budget = _budgets.GetOrAdd(key, static (_, state) => new DeviceBudget(state.Options, state.Frequency, state.Now), (Options: _options, Frequency: _timeProvider.TimestampFrequency, Now: now));
        }

        lock (budget)
        {
            if (budget.TryTake(now))
            {
                if (budget.EpisodeStartedAt is not null)
                {
                    EndIfQuiet(key, budget, now);
                }

                return true;
            }

            _metrics.OverBudget();
            if (budget.StartEpisode(now))
            {
                _metrics.EpisodeStarted();
                Log.FloodStarted(_logger, topic.Municipality, TopicNames.Of(topic.Kind), topic.DeviceId, _options.SustainedPerSecond, _options.Burst, _options.Action);
            }

            return false;
        }
    }

    /// <summary>Ends the episodes of devices that have calmed down and forgets idle devices (bounded memory).</summary>
    public void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var (key, budget) in _budgets)
        {
            lock (budget)
            {
                EndIfQuiet(key, budget, now);
                if (budget.IsIdle(now))
                {
                    _budgets.TryRemove(new KeyValuePair<DeviceKey, DeviceBudget>(key, budget));
                }
            }
        }

        if (_budgets.Count < _options.MaxTrackedDevices)
        {
            Interlocked.Exchange(ref _trackingFullLogged, 0);
        }
    }

    private void EndIfQuiet(DeviceKey key, DeviceBudget budget, long now)
    {
        if (budget.EndEpisodeIfQuiet(now, _quietTicks) is { } ended)
        {
            _metrics.EpisodeEnded();
            var duration = TimeSpan.FromSeconds((double)(budget.LastOverBudgetAt - ended.StartedAt) / _timeProvider.TimestampFrequency);
            Log.FloodEnded(_logger, key.Municipality, TopicNames.Of(key.Kind), key.DeviceId, ended.OverBudget, duration);
        }
    }

    private readonly record struct DeviceKey(string Municipality, DeviceKind Kind, string DeviceId);
}
