using System.Globalization;

namespace SmartOverhalla.Simulators.Models.Streetlights;

/// <summary>
/// Decides which dim level is in force: the platform's last applied <c>setDim</c> while it holds,
/// otherwise the local fallback schedule (design.md, "Control": devices keep a local fallback
/// profile, so lights stay safe when the platform is down). A command holds until its
/// <c>untilTs</c>, and in any case only until the light has heard no applied command for the
/// silence fallback time: a light must not stay dark for days because the platform died after
/// switching it off.
/// </summary>
internal sealed class DimmingControl
{
    public const int MinLevel = 0;
    public const int MaxLevel = 100;

    private readonly TimeSpan _photocellOffset;
    private readonly TimeSpan? _silenceFallback;
    private Commanded? _commanded;

    /// <param name="photocellOffset">This light's shift of dusk and dawn in the local schedule.</param>
    /// <param name="silenceFallback">How long a command holds without a newer one; null or zero: until replaced or its untilTs.</param>
    public DimmingControl(TimeSpan photocellOffset, TimeSpan? silenceFallback)
    {
        _photocellOffset = photocellOffset;
        _silenceFallback = silenceFallback is { } silence && silence > TimeSpan.Zero ? silence : null;
    }

    /// <summary>Whether a platform command (rather than the local schedule) sets the level at <paramref name="now"/>.</summary>
    public bool IsCommandedAt(DateTimeOffset now) => _commanded is { } commanded && now < commanded.HoldsUntil;

    /// <summary>The level in force at <paramref name="now"/>, 0–100 %.</summary>
    public int LevelAt(DateTimeOffset now) =>
        IsCommandedAt(now) ? _commanded!.Level : LocalLightingSchedule.DimLevelAt(now, _photocellOffset);

    /// <summary>
    /// Takes a level from the platform. Returns null when applied, else why it was refused (the text of
    /// the rejection ack). A refused command leaves the level and the silence clock as they were.
    /// </summary>
    public string? TryCommand(int level, DateTimeOffset? untilTs, DateTimeOffset now)
    {
        if (level is < MinLevel or > MaxLevel)
        {
            return string.Create(CultureInfo.InvariantCulture, $"level {level} is outside {MinLevel}-{MaxLevel}");
        }

        if (untilTs is { } until && until <= now)
        {
            return string.Create(CultureInfo.InvariantCulture, $"untilTs {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} is not after the device time {now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        }

        var holdsUntil = DateTimeOffset.MaxValue;
        if (_silenceFallback is { } silence && now <= DateTimeOffset.MaxValue - silence)
        {
            holdsUntil = now + silence;
        }

        if (untilTs is { } end && end < holdsUntil)
        {
            holdsUntil = end;
        }

        _commanded = new Commanded(level, holdsUntil);
        return null;
    }

    private sealed record Commanded(int Level, DateTimeOffset HoldsUntil);
}
