using System.Collections.Concurrent;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Planning;
using SmartOverhalla.Lighting.Reloading;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Desired level from the light's zone profile (astronomical and clock steps, Europe/Oslo, day types). A light in
/// no zone, or of another municipality, is left alone. Overrides and cross-domain rules come on top of this.
/// A zone's schedule is computed once per step, not once per light: it holds until the zone's next step.
/// </summary>
internal sealed class ZoneSchedulePolicy(IZoneConfigurationSource zones, DimmingPlanner planner) : ILightingPolicy
{
    private readonly ConcurrentDictionary<LightingZone, ScheduledLevel> _inForce = new(ReferenceEqualityComparer.Instance);

    public LightDecision? Decide(string municipality, string lightId, DateTimeOffset now)
    {
        var configuration = zones.Current;
        if (!string.Equals(configuration.Municipality, municipality, StringComparison.Ordinal)
            || configuration.ZoneOf(lightId) is not { } zone)
        {
            return null;
        }

        if (!_inForce.TryGetValue(zone, out var scheduled) || now < scheduled.Since.Utc || now >= scheduled.Next.Utc)
        {
            scheduled = planner.ScheduledAt(zone, now);
            _inForce[zone] = scheduled;
        }

        return new LightDecision(scheduled.Level, $"profile: {scheduled.Since.Rule}", zone.Id);
    }
}
