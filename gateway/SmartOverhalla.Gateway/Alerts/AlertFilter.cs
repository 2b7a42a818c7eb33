namespace SmartOverhalla.Gateway.Alerts;

/// <summary>The API's filter: every given criterion must hold (null: any).</summary>
internal sealed record AlertFilter(bool? Active = null, AlertType? Type = null, string? Municipality = null, string? Device = null)
{
    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (Active is not { } active || alert.Active == active)
            && (Type is not { } type || alert.Type == type)
            && (Municipality is null || string.Equals(alert.Municipality, Municipality, StringComparison.Ordinal))
            && (Device is null || string.Equals(alert.Device, Device, StringComparison.Ordinal));
    }
}
