namespace SmartOverhalla.Analytics.Jobs;

/// <summary>How a job cuts event time into windows: consecutive, without gaps or overlaps.</summary>
internal interface IJobWindows
{
    /// <summary>The window that <paramref name="instant"/> falls in (its start ≤ instant &lt; its end).</summary>
    JobWindow Containing(DateTimeOffset instant);
}
