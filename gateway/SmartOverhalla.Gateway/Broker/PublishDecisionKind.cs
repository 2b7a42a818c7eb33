namespace SmartOverhalla.Gateway.Broker;

/// <summary>What the publish rate limiter does with one publish.</summary>
internal enum PublishDecisionKind
{
    /// <summary>Within the budget: processed at once.</summary>
    Pass,

    /// <summary>Over the budget: processed after a delay that holds the client at the sustained rate.</summary>
    Throttle,

    /// <summary>Over the budget for too long: refused, and the connection closed.</summary>
    Disconnect,
}
