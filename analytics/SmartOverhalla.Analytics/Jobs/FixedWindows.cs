namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// Windows of one fixed length, aligned to the Unix epoch in UTC (so 15-minute windows start at :00, :15, :30, :45 in
/// every time zone Norway uses): for jobs that run often over a look-back longer than their window, such as the leak job.
/// </summary>
internal sealed class FixedWindows : IJobWindows
{
    public FixedWindows(TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.FromMinutes(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, TimeSpan.FromDays(1));
        Length = length;
    }

    public TimeSpan Length { get; }

    public JobWindow Containing(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var start = new DateTimeOffset(utc.Ticks - (utc.Ticks % Length.Ticks), TimeSpan.Zero);
        return new JobWindow(start, start + Length);
    }
}
