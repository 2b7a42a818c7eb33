using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using Spectre.Console;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Backfill;

/// <summary>The <c>backfill</c> command through the real command line, console output captured, against a real InfluxDB.</summary>
public sealed partial class BackfillCommandTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task A_backfill_of_30_days_prints_progress_for_each_window_and_ends_with_a_summary()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        // Given: November 2026 of nord-9 (zone nord, 30 W lit all day, default 60 W at 100 %) and gate-9 (no zone, the same).
        var november = LocalDay.Of(new DateOnly(2026, 11, 1));
        foreach (var light in new[] { "nord-9", "gate-9" })
        {
            var readings = Readings(november.Start.AddHours(-1), LocalDay.MidnightOf(new DateOnly(2026, 12, 1)).AddHours(1), TimeSpan.FromMinutes(15), _ => (50, 30.0));
            await town.Influx.Writer.WriteAsync([.. readings.AsPoints(town.Municipality, light)], ct);
        }

        // When: the whole month of the savings job is backfilled on 7 December.
        var (exitCode, output) = await RunAsync(town, new FakeTimeProvider(Oslo(2026, 12, 7, 10)), ["backfill", "--job", "lighting-savings", "--from", "2026-11-01", "--to", "2026-11-30"], ct);

        // Then: one progress line per day and partition (30 days × _unzoned, nord, sor = 90), in order, oldest first...
        Assert.True(exitCode == 0, output);
        Assert.Contains("Backfill of lighting-savings from 2026-11-01 to 2026-11-30: 90 windows", output, StringComparison.Ordinal);
        var steps = StepLine().Matches(output).Select(m => (Number: int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), Day: m.Groups["day"].Value, Partition: m.Groups["partition"].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 90), steps.Select(s => s.Number));
        Assert.Equal("2026-11-01", steps[0].Day);
        Assert.Equal("2026-11-30", steps[^1].Day);
        Assert.Equal(["_unzoned", "nord", "sor"], steps.Take(3).Select(s => s.Partition));

        // ...and a summary: a table row for the job and the closing line. Each of the 60 windows with a light writes its
        // light's row, its zone's row and its zone's month row again: 180 points.
        Assert.True(Regex.IsMatch(output, @"lighting-savings\s*│\s*3\s*│\s*90\s*│\s*90\s*│\s*0\s*│\s*180\s*│"), output);
        Assert.Contains("Backfill done: 90 windows computed, 0 failed, 180 points written in", output, StringComparison.Ordinal);
        Assert.Contains("Inputs read: 60; windows not ended yet, left out: 0.", output, StringComparison.Ordinal);

        // And the rows are there: 30 days of two zones, one month each; the watermarks untouched (backfill fills history only).
        Assert.Equal(60, await town.Influx.CountAsync("lighting_savings", "energyKWh", ct, "\"period\" = 'day'"));
        Assert.Equal(2, await town.Influx.CountAsync("lighting_savings", "energyKWh", ct, "\"period\" = 'month' AND time >= '2026-10-30T00:00:00Z'"));
        Assert.Equal(0, await town.Influx.CountAsync(InfluxWatermarkStore.Measurement, "instance", ct));
        var month = await town.Influx.RowsAsync(
            $"SELECT \"energyKWh\" FROM \"lighting_savings\" WHERE \"period\" = 'month' AND \"zone\" = 'nord' AND time = {InfluxQl.FormatTime(november.Start)}", ct);
        // November has 30 days of 24 h (summer time ended in October): 720 h × 30 W.
        Assert.Equal(21.6, Assert.Single(month).Series.GetDouble(month[0].Row, "energyKWh")!.Value, 6);
    }

    [Theory]
    [InlineData(new[] { "backfill", "--from", "2026-11-31", "--to", "2026-11-30" }, "--from: '2026-11-31' is not a date as yyyy-MM-dd")]
    [InlineData(new[] { "backfill", "--from", "0001-01-01", "--to", "2026-11-30" }, "--from (0001-01-01) is more than 3660 days (ten years) back")]
    [InlineData(new[] { "backfill", "--from", "2026-11-10", "--to", "2026-11-01" }, "--from (2026-11-10) is after --to (2026-11-01)")]
    [InlineData(new[] { "backfill", "--from", "2026-12-01", "--to", "2026-12-08" }, "--to (2026-12-08) is after today (2026-12-07)")]
    [InlineData(new[] { "backfill", "--job", "snow-magic", "--from", "2026-11-01", "--to", "2026-11-02" }, "there is no job 'snow-magic'; the jobs are lighting-savings")]
    [InlineData(new[] { "backfill", "--partition", "atlantis", "--from", "2026-11-01", "--to", "2026-11-02" }, "no selected job has a partition 'atlantis'")]
    [InlineData(new[] { "backfill", "--to", "2026-11-02" }, "--from")]
    public async Task A_backfill_request_that_cannot_run_exits_with_2_and_says_why(string[] args, string said)
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        var (exitCode, output) = await RunAsync(town, new FakeTimeProvider(Oslo(2026, 12, 7, 10)), args, ct);

        Assert.Contains(said, output, StringComparison.Ordinal);
        Assert.Equal(AnalyticsCommandLine.UsageExitCode, exitCode);
        Assert.Equal(0, await town.Influx.CountAsync("lighting_savings", "energyKWh", ct));
    }

    /// <summary>The command line as Program.cs builds it, with the test's settings and clock, writing to a captured console.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(SavingsTown town, FakeTimeProvider clock, string[] args, CancellationToken ct)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // As a log or a pipe shows it (the backfill widens it itself, so no line is broken).
        console.Profile.Width = 80;
        var commandLine = AnalyticsCommandLine.Create(
            () =>
            {
                var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
                builder.Configuration.AddInMemoryCollection(town.AnalyticsSettings(influxServer.Url, jobEnabled: true));
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.AddAnalytics();
                return builder;
            },
            console);
        using var error = new StringWriter();
        var exitCode = await AnalyticsCommandLine.InvokeAsync(commandLine, args, new System.CommandLine.InvocationConfiguration { Output = writer, Error = error }, ct);
        return (exitCode, writer.ToString() + error.ToString());
    }

    [GeneratedRegex(@"^\[\s*(?<n>\d+)/90\] lighting-savings (?<day>\d{4}-\d{2}-\d{2}) (?<partition>\S+):", RegexOptions.Multiline)]
    private static partial Regex StepLine();
}
