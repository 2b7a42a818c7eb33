using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>What an import line or an admin request says about one meter, checked by <see cref="MeterRules"/>.</summary>
/// <param name="Address">The property a household meter serves; null for a district inflow meter.</param>
internal sealed record MeterDefinition(string Municipality, string MeterId, MeterRole Role, string District, string? Address)
{
    public string Key => MeterEntry.KeyOf(Municipality, MeterId);
}
