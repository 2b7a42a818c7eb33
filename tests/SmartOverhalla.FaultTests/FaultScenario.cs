using System.Diagnostics;
using SmartOverhalla.Testing;

namespace SmartOverhalla.FaultTests;

/// <summary>What every fault scenario does after the fault: let everything arrive, count, report, check.</summary>
internal static class FaultScenario
{
    public const int Lights = 10;
    public static readonly TimeSpan CatchUpDeadline = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan StepDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Waits for the lights to send <paramref name="more"/> messages beyond what they have sent now.</summary>
    public static Task StreamMoreAsync(FaultRig rig, int more, string when, CancellationToken cancellationToken)
    {
        var target = rig.Lights.Sent + more;
        return Eventually.UntilAsync(() => rig.Lights.Sent >= target, StepDeadline, $"{more} more messages sent {when}", cancellationToken);
    }

    /// <summary>
    /// Stops the lights, waits until InfluxDB holds everything, audits per device and timestamp, writes the
    /// figures, and asserts exactly once: nothing missing, nothing doubled, nothing that was never sent.
    /// </summary>
    public static async Task<DeliveryReport> FinishAsync(
        FaultRig rig, string scenario, long recoveredAt, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        await rig.Lights.StopStreamingAsync();
        var catchUp = await rig.WaitForCatchUpAsync(recoveredAt, CatchUpDeadline, cancellationToken);
        var report = await rig.AuditAsync(cancellationToken);
        var spooled = await ReportedSpooledAsync(rig, cancellationToken);
        var figures = report.Describe(scenario, catchUp, spooled, rig.Lights.PublishRetries);
        output.WriteLine(figures);
        AppendToReport(figures);
        foreach (var worker in rig.Workers)
        {
            output.WriteLine($"worker log ({worker.LogFile}), last lines:");
            foreach (var line in worker.Tail(15))
            {
                output.WriteLine("  " + line);
            }
        }

        Assert.True(report.Sent > 0, "nothing was sent");
        Assert.Equal(0, report.Missing);
        Assert.Equal(0, report.Duplicated);
        Assert.Equal(0, report.Extra);
        Assert.Equal(report.Sent, report.Stored);
        await Eventually.UntilAsync(() => rig.SpoolSegments() == 0, StepDeadline, "the spool to be replayed and its segments deleted", cancellationToken);
        Assert.DoesNotContain(rig.Workers.SelectMany(w => w.ErrorLines()), l => l.Contains("Unexpected error", StringComparison.Ordinal));
        return report;
    }

    /// <summary>
    /// Adds the scenario's figures to the file <c>SMARTOVERHALLA_FAULT_REPORT</c> names, if set: <c>test.sh</c> prints it
    /// after the run, because test runners show a passing test's output only at their most verbose.
    /// </summary>
    private static void AppendToReport(string figures)
    {
        if (Environment.GetEnvironmentVariable("SMARTOVERHALLA_FAULT_REPORT") is { Length: > 0 } path)
        {
            lock (ReportGate)
            {
                File.AppendAllText(path, figures + Environment.NewLine);
            }
        }
    }

    private static readonly Lock ReportGate = new();

    /// <summary>Waits until the spool has been replayed and its segment files deleted; returns the time since <paramref name="since"/>.</summary>
    public static async Task<TimeSpan> WaitForEmptySpoolAsync(FaultRig rig, long since, CancellationToken cancellationToken)
    {
        await Eventually.UntilAsync(() => rig.SpoolSegments() == 0, CatchUpDeadline, "the spool to be replayed", cancellationToken);
        return Stopwatch.GetElapsedTime(since);
    }

    /// <summary>The workers' own spooled-points total, once each has written self-metrics since InfluxDB was back (null if one never did).</summary>
    private static async Task<long?> ReportedSpooledAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        long? reported = null;
        try
        {
            await Eventually.UntilAsync(
                async ct => (reported = await rig.ReportedSpooledPointsAsync(ct)) is not null,
                TimeSpan.FromSeconds(10),
                "the worker's self-metrics",
                cancellationToken);
        }
        catch (TimeoutException)
        {
            // Reported as n/a.
        }

        return reported;
    }

    public static long Now() => Stopwatch.GetTimestamp();
}
