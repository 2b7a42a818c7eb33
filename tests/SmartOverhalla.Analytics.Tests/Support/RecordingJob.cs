using SmartOverhalla.Analytics.Jobs;

namespace SmartOverhalla.Analytics.Tests.Support;

/// <summary>A job over local days that records which windows it was asked to compute and can be told to fail one.</summary>
internal sealed class RecordingJob(params string[] partitions) : IDerivedDataJob
{
    public List<(string Partition, JobWindow Window)> Runs { get; } = [];

    /// <summary>A window start at which the job throws, as a job whose database went away mid-run.</summary>
    public DateTimeOffset? FailAt { get; set; }

    public string Name => "recording";

    public IJobWindows Windows => LocalDayWindows.Instance;

    public IReadOnlyList<string> Partitions() => partitions;

    public Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
    {
        if (window.Start == FailAt)
        {
            throw new InvalidOperationException("the job failed on purpose");
        }

        Runs.Add((partition, window));
        return Task.FromResult(new JobWindowResult(1, 2));
    }

    /// <summary>The local dates computed for <paramref name="partition"/>, in order.</summary>
    public IEnumerable<DateOnly> Days(string partition) =>
        Runs.Where(r => r.Partition == partition).Select(r => Time.NorwegianTime.DateAt(r.Window.Start));
}
