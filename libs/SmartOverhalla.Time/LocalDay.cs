namespace SmartOverhalla.Time;

/// <summary>
/// One calendar day in Norway (Europe/Oslo) as the UTC instants it runs between: 24 hours, but 23 on the last
/// Sunday of March and 25 on the last Sunday of October, when the clocks change at 02:00/03:00. Derived data is
/// reported per local day because that is the day operators and the municipality's accounts count in.
/// </summary>
public readonly record struct LocalDay(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    /// <summary>The local day <paramref name="date"/>.</summary>
    public static LocalDay Of(DateOnly date) => new(date, NorwegianTime.MidnightOf(date), NorwegianTime.MidnightOf(date.AddDays(1)));

    /// <summary>The local day <paramref name="instant"/> falls in.</summary>
    public static LocalDay At(DateTimeOffset instant) => Of(NorwegianTime.DateAt(instant));

    /// <summary>The local date at <paramref name="instant"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset instant) => NorwegianTime.DateAt(instant);

    /// <summary>The first day of <paramref name="date"/>'s month.</summary>
    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>Local midnight starting <paramref name="date"/>, as UTC.</summary>
    public static DateTimeOffset MidnightOf(DateOnly date) => NorwegianTime.MidnightOf(date);
}
