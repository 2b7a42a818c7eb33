namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>The length of a consumption row: an hour, a local day (Europe/Oslo) or a local calendar month.</summary>
public enum WaterPeriod
{
    Hour,
    Day,
    Month,
}

/// <summary>The <c>period</c> tag of each <see cref="WaterPeriod"/>.</summary>
public static class WaterPeriods
{
    public static string TagOf(WaterPeriod period) => period switch
    {
        WaterPeriod.Hour => "hour",
        WaterPeriod.Day => "day",
        WaterPeriod.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown water period."),
    };
}
