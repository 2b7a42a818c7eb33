using System.Globalization;
using System.Text;
using SmartOverhalla.Lighting.Astronomy;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>
/// When a dimming step happens: at a local clock time (<see cref="Clock"/>, Europe/Oslo) or at an astronomical
/// event plus an offset (<see cref="Solar"/>). A closed hierarchy: switch over the two cases.
/// </summary>
public abstract record StepTrigger
{
    private StepTrigger()
    {
    }

    /// <summary>The rule as operators read it, e.g. "23:00" or "sunset − 10 min".</summary>
    public abstract string Rule { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Rule;

    /// <summary>At a local (Europe/Oslo) wall-clock time.</summary>
    /// <param name="Time">The local time of day.</param>
    public sealed record Clock(TimeOnly Time) : StepTrigger
    {
        /// <inheritdoc />
        public override string Rule => Time.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>At an astronomical event shifted by <paramref name="Offset"/> (negative = before the event).</summary>
    /// <param name="Event">The event.</param>
    /// <param name="Offset">Time added to the event's instant.</param>
    public sealed record Solar(SolarEventKind Event, TimeSpan Offset) : StepTrigger
    {
        /// <inheritdoc />
        public override string Rule => Offset == TimeSpan.Zero
            ? Event.ToRuleName()
            : $"{Event.ToRuleName()} {(Offset < TimeSpan.Zero ? '−' : '+')} {FormatDuration(Offset.Duration())}";

        private static string FormatDuration(TimeSpan duration)
        {
            var text = new StringBuilder();
            if (duration.Hours > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{duration.Hours} h");
            }

            if (duration.Minutes > 0)
            {
                text.Append(text.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"{duration.Minutes} min");
            }

            return text.ToString();
        }
    }
}
