namespace SmartOverhalla.Gateway.Audit;

/// <summary>
/// Records who did what to which target: every command, override and registry change (design.md, Security).
/// Implementations must never throw into the caller's path for a storage failure; they keep and retry instead.
/// </summary>
public interface IAuditLog
{
    ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
