using System.Globalization;
using Spectre.Console;

namespace SmartOverhalla.Analytics.Backfill;

/// <summary>
/// The backfill's output: a progress bar on a terminal, one line per window otherwise (a log file, CI, a pipe), and a
/// summary table at the end. Plain English, as the command is for the IT department's operators.
/// </summary>
internal sealed class BackfillConsole(IAnsiConsole console)
{
    public async Task<BackfillSummary> RunAsync(BackfillRunner runner, BackfillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var steps = runner.CountSteps(request);
        console.MarkupLineInterpolated(
            $"Backfill of {string.Join(", ", runner.NamesOf(request))} from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}: {steps} windows");
        if (!console.Profile.Capabilities.Interactive)
        {
            // A log or a pipe: one line per window, never wrapped in the middle.
            console.Profile.Width = Math.Max(console.Profile.Width, 160);
            return await runner.RunAsync(request, Line, cancellationToken);
        }

        BackfillSummary? summary = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("computing", maxValue: Math.Max(steps, 1));
                summary = await runner.RunAsync(
                    request,
                    step =>
                    {
                        task.Description = $"{step.Job} {Day(step)} {step.Partition}";
                        task.Increment(1);
                    },
                    cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    public void WriteSummary(BackfillSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        // Narrow enough for an 80-column log or pipe; the rest of the figures are in the closing line.
        var table = new Table().AddColumns("job", "partitions", "windows", "computed", "failed", "points");
        foreach (var job in summary.Jobs)
        {
            table.AddRow(
                job.Job,
                Number(job.Partitions),
                Number(job.Windows * job.Partitions),
                Number(job.Computed),
                Number(job.Failed),
                Number(job.PointsWritten));
        }

        console.Write(table);
        foreach (var failure in summary.Failures)
        {
            console.MarkupLineInterpolated($"[red]failed:[/] {failure}");
        }

        var outcome = summary.Stopped ? "stopped (Ctrl-C or SIGTERM) after the window in progress" : summary.Failed == 0 ? "done" : "done with failures";
        console.MarkupLineInterpolated(
            $"Backfill {outcome}: {Number(summary.Computed)} windows computed, {Number(summary.Failed)} failed, {Number(summary.PointsWritten)} points written in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        console.MarkupLineInterpolated($"Inputs read: {Number(summary.Jobs.Sum(j => j.Inputs))}; windows not ended yet, left out: {Number(summary.Jobs.Sum(j => j.Skipped))}.");
    }

    private void Line(BackfillStep step)
    {
        var width = step.Total.ToString(CultureInfo.InvariantCulture).Length;
        var position = $"[{step.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{step.Total}]";
        if (step.Error is null)
        {
            console.MarkupLineInterpolated(
                $"{position} {step.Job} {Day(step)} {step.Partition}: {step.Result.Inputs} inputs, {step.Result.PointsWritten} points ({step.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)");
        }
        else
        {
            console.MarkupLineInterpolated($"{position} {step.Job} {Day(step)} {step.Partition}: [red]failed[/]: {step.Error}");
        }
    }

    /// <summary>The window as a local date when it is one local day (the common case), else as its UTC range.</summary>
    private static string Day(BackfillStep step)
    {
        var day = Time.LocalDay.At(step.Window.Start);
        return day.Start == step.Window.Start && day.End == step.Window.End
            ? day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : step.Window.ToString();
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
