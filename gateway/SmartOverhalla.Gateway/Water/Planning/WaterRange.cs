using System.Globalization;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Water.Planning;

/// <summary>
/// A request's local dates (Europe/Oslo, both included) and period, as the planner and household endpoints take them:
/// <c>from</c>, <c>to</c> as yyyy-MM-dd, <c>period</c> hour | day | month, at most <see cref="MaxDays"/> days per period.
/// </summary>
internal sealed record WaterRange(DateOnly From, DateOnly To, WaterPeriod Period)
{
    /// <summary>First instant read: local midnight of <see cref="From"/>, or of its month's first day for months (a month row is stamped there).</summary>
    public DateTimeOffset Start => LocalDay.MidnightOf(Period == WaterPeriod.Month ? LocalDay.MonthOf(From) : From);

    /// <summary>End of the range: local midnight after <see cref="To"/>.</summary>
    public DateTimeOffset End => LocalDay.MidnightOf(To.AddDays(1));

    /// <summary>Dates outside these are refused: no meter data exists there, and 9999-12-31 has no next midnight.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public string PeriodName => WaterPeriods.TagOf(Period);

    /// <summary>Longest range per request, in days, per period: keeps an answer to some thousands of rows per district or meter.</summary>
    public static int MaxDays(WaterPeriod period) => period switch
    {
        WaterPeriod.Hour => 62,
        WaterPeriod.Day => 400,
        _ => 1_830,
    };

    /// <summary>Parses the parameters, adding each problem to <paramref name="errors"/> by its name; null when there is one.</summary>
    public static WaterRange? Parse(
        string? from, string? to, string? period, DateOnly defaultFrom, DateOnly defaultTo, WaterPeriod defaultPeriod, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        WaterPeriod? kind = period switch
        {
            null => defaultPeriod,
            "hour" => WaterPeriod.Hour,
            "day" => WaterPeriod.Day,
            "month" => WaterPeriod.Month,
            _ => null,
        };
        if (kind is null)
        {
            errors["period"] = [$"must be 'hour', 'day' or 'month'; got '{period}'"];
        }

        var last = ParseDate("to", to, defaultTo, errors);
        var first = ParseDate("from", from, from is null && to is not null && last is { } l0 && l0 < defaultFrom ? l0 : defaultFrom, errors);
        if (first is { } f && last is { } l && kind is { } k)
        {
            var days = l.DayNumber - f.DayNumber + 1;
            if (f > l)
            {
                errors["from"] = [$"must be on or before 'to' ({l:yyyy-MM-dd}); got {f:yyyy-MM-dd}"];
            }
            else if (days > MaxDays(k))
            {
                errors["to"] = [$"the range from {f:yyyy-MM-dd} to {l:yyyy-MM-dd} is {days} days; at most {MaxDays(k)} days per request with period={WaterPeriods.TagOf(k)}"];
            }
        }

        return errors.Count == 0 ? new WaterRange(first!.Value, last!.Value, kind!.Value) : null;
    }

    public static DateOnly? ParseDate(string name, string? text, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date < EarliestDate || date > LatestDate)
            {
                errors[name] = [$"must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}; got {date:yyyy-MM-dd}"];
                return null;
            }

            return date;
        }

        errors[name] = [$"must be a calendar date as yyyy-MM-dd, e.g. 2026-11-24; got '{text}'"];
        return null;
    }
}
