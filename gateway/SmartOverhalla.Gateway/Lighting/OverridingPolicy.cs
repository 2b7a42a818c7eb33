using SmartOverhalla.Lighting.Reloading;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>An active override decides a light; without one, the schedule (<paramref name="schedule"/>) does.</summary>
internal sealed class OverridingPolicy(ILightingPolicy schedule, OverrideStore overrides, IZoneConfigurationSource zones) : ILightingPolicy
{
    public LightDecision? Decide(string municipality, string lightId, DateTimeOffset now)
    {
        var zoneId = string.Equals(zones.Current.Municipality, municipality, StringComparison.Ordinal) ? zones.Current.ZoneOf(lightId)?.Id : null;
        if (overrides.For(municipality, lightId, zoneId, now) is { } active)
        {
            return new LightDecision(active.Level, $"override by {active.SetBy}: {active.Reason}", zoneId);
        }

        return schedule.Decide(municipality, lightId, now);
    }
}
