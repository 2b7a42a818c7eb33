using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Time;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Jobs;

/// <summary>Which windows a scheduled run computes, and how the watermark moves: on a fake clock, watermarks in memory.</summary>
public sealed class JobRunnerTests
{
    private static readonly JobScheduleOptions Schedule = new()
    {
        SettleDelay = TimeSpan.FromMinutes(15),
        TrailingWindow = TimeSpan.FromDays(2),
        InitialLookback = TimeSpan.FromDays(3),
    };

    private static readonly JobScheduleOptions NoTrailingWindow = new()
    {
        SettleDelay = Schedule.SettleDelay,
        TrailingWindow = TimeSpan.Zero,
        InitialLookback = Schedule.InitialLookback,
    };

    private readonly FakeTimeProvider _clock = new(Oslo(2026, 1, 20, 3));
    private readonly InMemoryWatermarkStore _watermarks = new();
    private readonly JobStatusBoard _board = new();
    private readonly FakeLogger<JobRunner> _logger = new();

    [Fact]
    public async Task RunDue_NoWatermark_StartsTheLookbackAgoAndStopsAtTheLastCompletedDay()
    {
        var job = new RecordingJob("a");

        await Runner().RunDueAsync(job, Schedule, ["a"], TestContext.Current.CancellationToken);

        // 03:00 on the 20th: the lookback starts on the 17th, the 19th is the last completed day (the 20th has not ended);
        // the trailing window adds the two days before the start.
        Assert.Equal(Dates(15, 16, 17, 18, 19), job.Days("a"));
        Assert.Equal(LocalDay.MidnightOf(new DateOnly(2026, 1, 20)), _watermarks.Marks[("recording", "a")]);
    }

    [Fact]
    public async Task RunDue_DayNotSettled_IsLeftForTheNextRun()
    {
        var job = new RecordingJob("a");
        _watermarks.Marks[("recording", "a")] = LocalDay.MidnightOf(new DateOnly(2026, 1, 20));
        _clock.SetUtcNow(Oslo(2026, 1, 21, 0, 10));

        await Runner().RunDueAsync(job, NoTrailingWindow, ["a"], TestContext.Current.CancellationToken);
        Assert.Empty(job.Runs);

        _clock.SetUtcNow(Oslo(2026, 1, 21, 0, 15));
        await Runner().RunDueAsync(job, NoTrailingWindow, ["a"], TestContext.Current.CancellationToken);
        Assert.Equal(Dates(20), job.Days("a"));
    }

    [Fact]
    public async Task RunDue_WithWatermark_RecomputesTheTrailingWindowThenTheNewDays()
    {
        var job = new RecordingJob("a");
        _watermarks.Marks[("recording", "a")] = LocalDay.MidnightOf(new DateOnly(2026, 1, 18));

        await Runner().RunDueAsync(job, Schedule, ["a"], TestContext.Current.CancellationToken);

        // The 16th and 17th again (two days behind the watermark), then the 18th and 19th for the first time.
        Assert.Equal(Dates(16, 17, 18, 19), job.Days("a"));
        Assert.Equal(LocalDay.MidnightOf(new DateOnly(2026, 1, 20)), _watermarks.Marks[("recording", "a")]);
    }

    [Fact]
    public async Task RunDue_FailingWindow_StopsThatPartitionAtItsWatermarkAndTheOthersGoOn()
    {
        var job = new RecordingJob("a", "b") { FailAt = LocalDay.MidnightOf(new DateOnly(2026, 1, 18)) };
        _watermarks.Marks[("recording", "a")] = LocalDay.MidnightOf(new DateOnly(2026, 1, 17));
        _watermarks.Marks[("recording", "b")] = LocalDay.MidnightOf(new DateOnly(2026, 1, 17));
        
        await Runner().RunDueAsync(job, NoTrailingWindow, ["a", "b"], TestContext.Current.CancellationToken);

        // Both computed the 17th; the 18th failed for both, so each stays at the end of the 17th, and the error is logged.
        Assert.Equal(Dates(17), job.Days("a"));
        Assert.Equal(Dates(17), job.Days("b"));
        Assert.Equal(LocalDay.MidnightOf(new DateOnly(2026, 1, 18)), _watermarks.Marks[("recording", "a")]);
        Assert.Equal(2, _logger.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Error && r.Id.Id == 5007));
        Assert.Equal(1, _board.Get("recording", "a").Failures);
        Assert.False(_board.Get("recording", "a").LastRunSucceeded);

        // When the job works again, the next run resumes at the 18th.
        job.FailAt = null;
        job.Runs.Clear();
        await Runner().RunDueAsync(job, NoTrailingWindow, ["a", "b"], TestContext.Current.CancellationToken);
        Assert.Equal(Dates(18, 19), job.Days("a"));
        Assert.True(_board.Get("recording", "a").LastRunSucceeded);
        Assert.Equal(3, _board.Get("recording", "a").WindowsComputed);
    }

    [Fact]
    public async Task RunDue_DaylightSavingTimeEnds_TheDayOf25HoursIsOneWindow()
    {
        var job = new RecordingJob("a");
        _watermarks.Marks[("recording", "a")] = LocalDay.MidnightOf(new DateOnly(2026, 10, 25));
        _clock.SetUtcNow(Oslo(2026, 10, 26, 3));

        await Runner().RunDueAsync(job, NoTrailingWindow, ["a"], TestContext.Current.CancellationToken);

        var (_, window) = Assert.Single(job.Runs);
        Assert.Equal(TimeSpan.FromHours(25), window.End - window.Start);
    }

    [Fact]
    public async Task RunDue_PartitionNoLongerOwned_IsDroppedFromTheStatus()
    {
        var job = new RecordingJob("a", "b");
        await Runner().RunDueAsync(job, Schedule, ["a", "b"], TestContext.Current.CancellationToken);

        await Runner().RunDueAsync(job, Schedule, ["b"], TestContext.Current.CancellationToken);

        Assert.Equal(["b"], _board.Snapshot().Select(s => s.Partition));
    }

    private JobRunner Runner() => new(_watermarks, _board, _clock, _logger);

    private static List<DateOnly> Dates(params int[] januaryOrOctoberDays) => [.. januaryOrOctoberDays.Select(d => new DateOnly(2026, 1, d))];
}
