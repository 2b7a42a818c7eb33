namespace SmartOverhalla.Analytics.Jobs;

/// <summary>Walking a job's windows.</summary>
internal static class JobWindowsExtensions
{
    /// <summary>The windows from the one containing <paramref name="from"/> to the last that ends at or before <paramref name="end"/>.</summary>
    public static IEnumerable<JobWindow> Between(this IJobWindows windows, DateTimeOffset from, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(windows);
        for (var window = windows.Containing(from); window.End <= end; window = windows.Containing(window.End))
        {
            yield return window;
        }
    }

    /// <summary>The end of the last window that is completed at <paramref name="now"/>: it ended at least <paramref name="settleDelay"/> ago.</summary>
    public static DateTimeOffset CompletedEnd(this IJobWindows windows, DateTimeOffset now, TimeSpan settleDelay)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return windows.Containing(now - settleDelay).Start;
    }

    /// <summary>How many completed windows lie after <paramref name="watermark"/> (0 when the partition is up to date).</summary>
    public static int Behind(this IJobWindows windows, DateTimeOffset watermark, DateTimeOffset completedEnd) =>
        watermark >= completedEnd ? 0 : windows.Between(watermark, completedEnd).Count();
}
