using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// The control loop (design.md, "Control"): every <see cref="LightingControlOptions.ControlInterval"/> it asks the
/// policy for each known light's desired level and sends a <c>setDim</c> only where desired differs from what the
/// light acknowledged, or where its telemetry disagrees since the last command. Acks, retries and silence are
/// handled per command by <see cref="CommandDispatcher"/>; a light that stays silent is marked unresponsive and
/// alerted once, then left alone for <see cref="LightingControlOptions.UnresponsiveRetryAfter"/>.
/// </summary>
internal sealed class LightingController(
    LightStateStore store,
    ILightingPolicy policy,
    CommandDispatcher dispatcher,
    ICommandChannel channel,
    ILightingAlerts alerts,
    IOptions<LightingControlOptions> options,
    TimeProvider timeProvider,
    ILogger<LightingController> logger) : BackgroundService
{
    private readonly LightingControlOptions _options = options.Value;
    private readonly List<Task> _inFlight = [];
    private long _rounds;

    /// <summary>Control rounds completed since start (while connected).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.ControlInterval, timeProvider);
        var resumed = false;
        try
        {
            do
            {
                try
                {
                    if (!channel.IsConnected)
                    {
                        continue;
                    }

                    if (!resumed)
                    {
                        ResumePending(stoppingToken);
                        resumed = true;
                    }

                    RunRound(stoppingToken);
                    _inFlight.RemoveAll(t => t.IsCompleted);
                    await store.SaveAsync(stoppingToken);
                    Interlocked.Increment(ref _rounds);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.RoundFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: pending commands are in the state file and resumed after the restart.
        }
        finally
        {
            await store.SaveAsync(CancellationToken.None);
        }
    }

    /// <summary>One round: decide every light, command those that need it. Returns the number commanded.</summary>
    internal int RunRound(CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        var commanded = 0;
        foreach (var light in store.All.ToList())
        {
            var decision = policy.Decide(light.Municipality, light.LightId, now);
            if (decision is null)
            {
                continue;
            }

            var state = store.Update(light.Municipality, light.LightId, s => s with { DesiredLevel = decision.Level, DesiredReason = decision.Reason });
            if (state.Unresponsive && now - state.UnresponsiveSince < _options.UnresponsiveRetryAfter)
            {
                continue;
            }

            if (!state.NeedsCommand(decision.Level))
            {
                continue;
            }

            var command = new SetDimCommand(NewCommandId(), now, decision.Level, decision.Reason);
            store.Update(light.Municipality, light.LightId, s => s with { PendingCmdId = command.CmdId, PendingLevel = command.Level, LastCommandAt = now });
            _inFlight.Add(SendAsync(light.Municipality, light.LightId, command, stoppingToken));
            commanded++;
        }

        if (commanded > 0)
        {
            Log.Commanding(logger, commanded, dispatcher.InFlight);
        }

        return commanded;
    }

    /// <summary>Completes when every command sent so far has its ack or has given up (for tests that step a fake clock).</summary>
    internal Task WhenIdleAsync() => Task.WhenAll(_inFlight);

    /// <summary>Sends again, with the same cmdId, the commands that were waiting for an ack when the gateway stopped.</summary>
    private void ResumePending(CancellationToken stoppingToken)
    {
        var pending = store.All.Where(s => s is { PendingCmdId: not null, PendingLevel: not null }).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        Log.ResumingPending(logger, pending.Count);
        var now = timeProvider.GetUtcNow();
        foreach (var state in pending)
        {
            var command = new SetDimCommand(state.PendingCmdId!, now, state.PendingLevel!.Value, state.DesiredReason ?? "resumed");
            _inFlight.Add(SendAsync(state.Municipality, state.LightId, command, stoppingToken));
        }
    }

    private async Task SendAsync(string municipality, string lightId, SetDimCommand command, CancellationToken stoppingToken)
    {
        var outcome = await dispatcher.SendAsync(municipality, lightId, command, stoppingToken);
        if (outcome.Ack is { } ack)
        {
            store.Update(municipality, lightId, s => LightReports.Acknowledged(s, ack));
            if (ack.Result == AckResult.Rejected)
            {
                Log.Rejected(logger, municipality, lightId, command.CmdId, ack.Reason ?? "no reason given");
            }

            return;
        }

        var since = timeProvider.GetUtcNow();
        store.Update(municipality, lightId, s => s with { PendingCmdId = null, PendingLevel = null, Unresponsive = true, UnresponsiveSince = since });
        Log.Unresponsive(logger, municipality, lightId, command.CmdId, outcome.Attempts);
        await alerts.LightUnresponsiveAsync(municipality, lightId, command, outcome.Attempts, since, stoppingToken);
    }

    private static string NewCommandId() => Guid.CreateVersion7().ToString("N");
}
