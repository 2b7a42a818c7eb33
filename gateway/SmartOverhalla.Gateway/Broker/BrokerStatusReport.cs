namespace SmartOverhalla.Gateway.Broker;

/// <summary>One look at the broker: usable or not, why, and a few figures for operators.</summary>
internal sealed record BrokerStatusReport(bool IsAvailable, string Description, IReadOnlyDictionary<string, object> Data);
