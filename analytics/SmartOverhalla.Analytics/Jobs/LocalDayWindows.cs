using SmartOverhalla.Time;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// One window per local day in Norway (Europe/Oslo): 23, 24 or 25 hours, from local midnight to local midnight, as
/// daily figures are reported (<see cref="LocalDay"/>).
/// </summary>
internal sealed class LocalDayWindows : IJobWindows
{
    public static LocalDayWindows Instance { get; } = new();

    public JobWindow Containing(DateTimeOffset instant)
    {
        var day = LocalDay.At(instant);
        return new JobWindow(day.Start, day.End);
    }
}
