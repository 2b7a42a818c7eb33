namespace SmartOverhalla.Gateway.Audit;

/// <summary>One stored audit entry, as <c>GET /api/v1/audit</c> returns it.</summary>
internal sealed record AuditRecord(DateTimeOffset At, string Actor, string Action, string Target, string? Details);
