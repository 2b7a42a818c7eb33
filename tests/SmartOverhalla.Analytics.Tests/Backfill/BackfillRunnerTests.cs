using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Jobs;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Backfill;

public sealed class BackfillRunnerTests
{
    [Fact]
    public async Task RunAsync_StoppedMidway_EndsAfterTheWindowInProgressWithASummaryOfWhatWasDone()
    {
        // Given: ten days of two partitions, and a stop (Ctrl-C) while the fifth window runs.
        using var stop = new CancellationTokenSource();
        var job = new StoppingJob(stopAt: 5, stop);
        var runner = new BackfillRunner([job], new FakeTimeProvider(Oslo(2026, 12, 7, 10)));
        var steps = new List<BackfillStep>();

        var summary = await runner.RunAsync(new BackfillRequest([], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10), []), steps.Add, stop.Token);

        // Then: four windows done and reported, the fifth neither done nor failed, nothing after it started.
        Assert.True(summary.Stopped);
        Assert.Equal(4, summary.Computed);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(4, steps.Count);
        Assert.Equal(5, job.Started);
    }

    /// <summary>Two partitions of local days; the n-th window it starts asks to stop and then honours it.</summary>
    private sealed class StoppingJob(int stopAt, CancellationTokenSource stop) : IDerivedDataJob
    {
        public int Started { get; private set; }

        public string Name => "stopping";

        public IJobWindows Windows => LocalDayWindows.Instance;

        public IReadOnlyList<string> Partitions() => ["a", "b"];

        public Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
        {
            if (++Started == stopAt)
            {
                stop.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return Task.FromResult(new JobWindowResult(1, 1));
        }
    }
}
