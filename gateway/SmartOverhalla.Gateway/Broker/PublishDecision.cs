namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// The publish rate limiter's verdict on one publish (a struct: nothing allocated per publish).
/// </summary>
/// <param name="Delay">How long a throttled publish waits.</param>
/// <param name="EpisodeStarted">This publish started a flood episode (logged once per episode).</param>
/// <param name="EndedEpisodeThrottled">Publishes throttled in the episode this publish ended, or in the one that ends with the disconnect; 0 when none ended.</param>
internal readonly record struct PublishDecision(PublishDecisionKind Kind, TimeSpan Delay, bool EpisodeStarted, long EndedEpisodeThrottled);
