using SmartOverhalla.Gateway.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>
/// Sends one notice at a time: re-reads it, checks it may be sent, posts it with the addresses of the household meters in
/// force in its districts (read from the registry now, so a meter registered since the draft is included), and stores it
/// sent or failed. One at a time, so two clicks on "send" post once; the second finds it sent.
/// </summary>
internal sealed class NoticeSender(NoticeStore store, NoticeWebhook webhook, MeterRegistry registry, TimeProvider time, ILogger<NoticeSender> logger)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    public bool Enabled => webhook.Enabled;

    /// <summary>The notice as stored afterwards (sent or failed), or null when it is unknown or may not be sent now (<paramref name="refused"/> then holds it as it is).</summary>
    public async Task<(Notice? After, Notice? Refused)> SendAsync(Guid id, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (store.Find(id) is not { } notice)
            {
                return (null, null);
            }

            if (!notice.CanBeSent)
            {
                return (null, notice);
            }

            var addresses = registry.HouseholdAddresses(notice.Municipality, notice.Districts);
            var error = await webhook.SendAsync(new NoticeMessage(notice.Id, notice.Municipality, notice.Districts, notice.Text, notice.AlertId, addresses), cancellationToken);
            Notice after;
            if (error is null)
            {
                logger.NoticeSent(notice.Id, webhook.Host, addresses.Count);
                after = notice with { State = NoticeState.Sent, SentAt = time.GetUtcNow(), SendAttempts = notice.SendAttempts + 1, LastError = null };
            }
            else
            {
                logger.NoticeFailed(notice.Id, error);
                after = notice with { State = NoticeState.Failed, SendAttempts = notice.SendAttempts + 1, LastError = error };
            }

            await store.SaveAsync(after, cancellationToken);
            return (after, null);
        }
        finally
        {
            _sending.Release();
        }
    }
}
