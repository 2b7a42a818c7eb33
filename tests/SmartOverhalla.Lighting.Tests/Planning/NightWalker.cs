using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Planning;

namespace SmartOverhalla.Lighting.Tests.Planning;

/// <summary>
/// Walks a fake clock through a night the way the gateway's controller will: every 30 seconds it asks the planner
/// for the zone's desired level and records a command whenever that level changes ("send only on change").
/// </summary>
internal static class NightWalker
{
    /// <summary>The walk's resolution: a change is seen at most this late.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    /// <summary>The level at <paramref name="from"/>, then every change up to <paramref name="to"/>.</summary>
    public static IReadOnlyList<(int Level, DateTimeOffset At)> Walk(LightingZone zone, DateTimeOffset from, DateTimeOffset to)
    {
        var clock = new FakeTimeProvider(from);
        var planner = new DimmingPlanner();
        var commands = new List<(int Level, DateTimeOffset At)>();
        while (clock.GetUtcNow() <= to)
        {
            var now = clock.GetUtcNow();
            var level = planner.DesiredLevelAt(zone, now);
            if (commands.Count == 0 || commands[^1].Level != level)
            {
                commands.Add((level, now));
            }

            clock.Advance(Tick);
        }

        return commands;
    }
}
