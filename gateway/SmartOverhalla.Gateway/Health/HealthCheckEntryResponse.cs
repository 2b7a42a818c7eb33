namespace SmartOverhalla.Gateway.Health;

/// <summary>One dependency's result in <c>/health</c>.</summary>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Description">What was checked and, when unhealthy, why it failed.</param>
/// <param name="Duration">How long this check took.</param>
/// <param name="Data">A few figures for operators (endpoint, counters); no secrets, no personal data. Empty for callers without a valid API key.</param>
internal sealed record HealthCheckEntryResponse(string Status, string? Description, TimeSpan Duration, IReadOnlyDictionary<string, object> Data);
