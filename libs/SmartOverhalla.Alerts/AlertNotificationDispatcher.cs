using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Alerts;

/// <summary>
/// Hands every raise and clear to each <see cref="IAlertNotifier"/> through a bounded queue of its own, drained by
/// one loop per sink, in order. <see cref="Enqueue"/> never waits: the control loop and the MQTT receive path
/// call it. A full queue drops the alert for that sink only (logged and counted); a sink's failure is logged
/// and counted and the loop goes on. Alerts still queued at shutdown are not sent (the state file and InfluxDB
/// keep them).
/// </summary>
public sealed class AlertNotificationDispatcher : BackgroundService
{
    private readonly (IAlertNotifier Sink, Channel<Alert> Queue)[] _sinks;
    private readonly int _capacity;
    private readonly AlertMetrics _metrics;
    private readonly ILogger<AlertNotificationDispatcher> _logger;

    public AlertNotificationDispatcher(IEnumerable<IAlertNotifier> notifiers, IOptions<AlertsOptions> options, AlertMetrics metrics, ILogger<AlertNotificationDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(notifiers);
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.QueueCapacity;
        _metrics = metrics;
        _logger = logger;
        _sinks = [.. notifiers.Select(n => (n, Channel.CreateBounded<Alert>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        })))];
    }

    public void Enqueue(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var (sink, queue) in _sinks)
        {
            if (!queue.Writer.TryWrite(alert))
            {
                _metrics.Notification(sink.Name, AlertMetrics.Dropped);
                Log.NotificationDropped(_logger, sink.Name, _capacity, alert.Id, Change(alert));
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_sinks.Select(s => DrainAsync(s.Sink, s.Queue.Reader, stoppingToken)));

    private static string Change(Alert alert) => alert.Active ? "raised" : "cleared";

    private async Task DrainAsync(IAlertNotifier sink, ChannelReader<Alert> queue, CancellationToken stoppingToken)
    {
        // Off the caller's thread at once: ExecuteAsync must return to let the host go on starting.
        await Task.Yield();
        try
        {
            await foreach (var alert in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await sink.NotifyAsync(alert, stoppingToken);
                    _metrics.Notification(sink.Name, AlertMetrics.Delivered);
                }
                catch (AlertDeliveryException ex)
                {
                    _metrics.Notification(sink.Name, AlertMetrics.Failed);
                    Log.NotificationFailed(_logger, alert.Id, Change(alert), sink.Name, ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    _metrics.Notification(sink.Name, AlertMetrics.Failed);
                    Log.NotifierCrashed(_logger, sink.Name, alert.Id, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
