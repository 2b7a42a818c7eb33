using System.Globalization;
using System.Text.RegularExpressions;
using SmartOverhalla.Lighting.Astronomy;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>
/// Reads a step's <c>at</c>: a local clock time "HH:mm" (00:00–23:59), or an event name (sunrise, sunset,
/// civilDawn, civilDusk) with an optional signed offset in hours and minutes: "sunset-10m", "sunrise + 1h30m",
/// "civilDusk − 15 min". The operator-facing <see cref="StepTrigger.Rule"/> text reads back the same.
/// </summary>
internal static partial class StepTriggerParser
{
    /// <summary>
    /// The largest offset accepted. A step further than this from its event is almost certainly a typo (10h for
    /// 10m), and at 64.5° N an event-relative step hours away can land on the wrong side of noon: use a clock step.
    /// </summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromHours(4);

    private static readonly (string Name, SolarEventKind Kind)[] Events =
    [
        ("sunrise", SolarEventKind.Sunrise),
        ("sunset", SolarEventKind.Sunset),
        ("civilDawn", SolarEventKind.CivilDawn),
        ("civilDusk", SolarEventKind.CivilDusk),
    ];

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why and what is allowed.</summary>
    public static bool TryParse(string text, out StepTrigger? trigger, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        trigger = null;
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && char.IsAsciiDigit(trimmed[0]))
        {
            return TryParseClock(trimmed, out trigger, out error);
        }

        var match = SolarPattern().Match(trimmed);
        var kind = match.Success ? EventNamed(match.Groups["event"].Value) : null;
        if (kind is null)
        {
            error = $"'{text}' is neither a clock time (HH:mm) nor an event (sunrise, sunset, civilDawn, civilDusk) with an optional offset such as sunset-10m";
            return false;
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["sign"].Success)
        {
            var duration = match.Groups["offset"].Value.Trim();
            if (!TryParseDuration(duration, out offset))
            {
                error = $"offset '{duration}' in '{text}' is not a duration: write e.g. 10m, 1h or 1h30m";
                return false;
            }

            if (offset > MaxOffset)
            {
                error = $"offset {duration} in '{text}' is larger than {MaxOffset.TotalHours:0} h: use a clock step for that";
                return false;
            }

            if (match.Groups["sign"].Value != "+")
            {
                offset = -offset;
            }
        }

        trigger = new StepTrigger.Solar(kind.Value, offset);
        error = null;
        return true;
    }

    private static bool TryParseClock(string text, out StepTrigger? trigger, out string? error)
    {
        trigger = null;
        var match = ClockPattern().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups["hour"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(match.Groups["minute"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || hour > 23
            || minute > 59)
        {
            error = $"'{text}' is not a time of day: use HH:mm from 00:00 to 23:59";
            return false;
        }

        trigger = new StepTrigger.Clock(new TimeOnly(hour, minute));
        error = null;
        return true;
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        var hours = match.Groups["hours"].Success ? int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        return true;
    }

    private static SolarEventKind? EventNamed(string name)
    {
        // Case-insensitive: "civildusk" and "CivilDusk" mean the same to an operator.
        foreach (var (eventName, kind) in Events)
        {
            if (string.Equals(eventName, name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<hour>\d{1,2}):(?<minute>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    // The minus may be ASCII '-' or the typographic '−' that Rule texts use.
    [GeneratedRegex(@"^(?<event>[A-Za-z]+)\s*(?:(?<sign>[-+−])(?<offset>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SolarPattern();

    [GeneratedRegex(@"^(?:(?<hours>\d{1,2})\s*h)?\s*(?:(?<minutes>\d{1,3})\s*(?:min|m))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
