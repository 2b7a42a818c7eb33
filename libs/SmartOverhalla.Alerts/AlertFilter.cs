namespace SmartOverhalla.Alerts;

/// <summary>The API's filter: every given criterion must hold (null: any).</summary>
public sealed record AlertFilter(
    bool? Active = null, string? Type = null, string? Municipality = null, string? Device = null, string? Domain = null, string? Kind = null)
{
    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (Active is not { } active || alert.Active == active)
            && (Type is null || string.Equals(alert.Type, Type, StringComparison.Ordinal))
            && (Municipality is null || string.Equals(alert.Municipality, Municipality, StringComparison.Ordinal))
            && (Device is null || string.Equals(alert.Device, Device, StringComparison.Ordinal))
            && (Domain is null || string.Equals(alert.Domain, Domain, StringComparison.Ordinal))
            && (Kind is null || string.Equals(alert.Kind, Kind, StringComparison.Ordinal));
    }
}
