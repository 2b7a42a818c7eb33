namespace SmartOverhalla.Gateway.Audit;

/// <summary>One audited action.</summary>
/// <param name="Actor">Who acted: an API key's name, or a service such as <c>lighting-control</c>.</param>
/// <param name="Action">What was done, e.g. <c>override.set</c>, <c>command.setDim</c>, <c>device.create</c>.</param>
/// <param name="Target">What it was done to, e.g. a device id or zone.</param>
/// <param name="Details">Short free text (never a secret).</param>
/// <param name="At">When, from the gateway's <see cref="TimeProvider"/>.</param>
public sealed record AuditEntry(string Actor, string Action, string Target, string? Details, DateTimeOffset At);
