using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Backfill;
using SmartOverhalla.Analytics.Jobs;
using Spectre.Console;

namespace SmartOverhalla.Analytics;

/// <summary>
/// The analytics host's command line: without a command it runs the scheduled jobs as a service; <c>backfill</c>
/// computes a range of dates again and exits. Settings come from appsettings.json and the environment
/// (<c>Analytics__InstanceIndex</c>, <c>InfluxDb__Url</c>, ...), the same for both.
/// </summary>
public static class AnalyticsCommandLine
{
    /// <summary>Exit code of a backfill with failed windows.</summary>
    public const int FailedExitCode = 1;

    /// <summary>Exit code of a request or configuration that cannot run (as for a usage error).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code of a backfill stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int StoppedExitCode = 130;

    /// <summary>Parses and runs <paramref name="args"/>; a command line that does not parse exits with <see cref="UsageExitCode"/>.</summary>
    public static async Task<int> InvokeAsync(RootCommand commandLine, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var parse = commandLine.Parse(args);
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken);
        return parse.Errors.Count > 0 ? UsageExitCode : exitCode;
    }

    /// <summary>Builds the command line.</summary>
    /// <param name="createHost">Makes the host builder with everything the analytics host needs (AddServiceDefaults, AddAnalytics).</param>
    /// <param name="console">Where the backfill writes its progress and summary.</param>
    public static RootCommand Create(Func<HostApplicationBuilder> createHost, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(createHost);
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand(
            "SmartOverhalla analytics: runs the derived-data jobs (lighting savings, ...) on their schedules. "
            + "Configuration from appsettings.json and environment variables (Analytics__InstanceIndex, InfluxDb__Url, ...).");
        root.SetAction(async (_, cancellationToken) =>
        {
            using var host = createHost().Build();
            await host.RunAsync(cancellationToken);
            return 0;
        });
        root.Subcommands.Add(BackfillCommand(createHost, console));
        return root;
    }

    private static Command BackfillCommand(Func<HostApplicationBuilder> createHost, IAnsiConsole console)
    {
        var from = new Option<DateOnly>("--from") { Description = "First local date (Europe/Oslo) to compute, yyyy-MM-dd.", Required = true, CustomParser = ParseDate };
        var to = new Option<DateOnly>("--to") { Description = "Last local date to compute, yyyy-MM-dd (at most today).", Required = true, CustomParser = ParseDate };
        var job = new Option<string[]>("--job") { Description = "A job to run (repeat for several; default: every job), e.g. lighting-savings.", AllowMultipleArgumentsPerToken = true };
        var partition = new Option<string[]>("--partition") { Description = "A partition to run (repeat for several; default: all of them), e.g. a lighting zone id.", AllowMultipleArgumentsPerToken = true };
        var command = new Command(
            "backfill",
            "Computes the derived series of a range of dates again, for every partition, and exits: after an outage longer than a job's "
            + "trailing window, after a rule or price changed, or to fill history. Prints progress and a summary; exit code 1 when a window failed.")
        {
            from, to, job, partition,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new BackfillRequest(
                parseResult.GetValue(job) ?? [],
                parseResult.GetValue(from),
                parseResult.GetValue(to),
                parseResult.GetValue(partition) ?? []);
            return await BackfillAsync(createHost, console, request, cancellationToken);
        });
        return command;
    }

    private static async Task<int> BackfillAsync(Func<HostApplicationBuilder> createHost, IAnsiConsole console, BackfillRequest request, CancellationToken cancellationToken)
    {
        var builder = createHost();
        // The console shows progress; the jobs' own information logs would only interleave with it. As configuration,
        // added last, so it wins over appsettings.json's Logging:LogLevel:Default.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = nameof(LogLevel.Warning) });
        using var host = builder.Build();
        try
        {
            // The host is not started (no scheduler runs), so validate its options here, as a start would.
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            console.MarkupLineInterpolated($"[red]Invalid configuration:[/] {ex.Message}");
            return UsageExitCode;
        }

        var runner = host.Services.GetRequiredService<BackfillRunner>();
        try
        {
            // A fresh database gets its retention policies before the jobs write into them.
            await host.Services.GetRequiredService<InfluxSchemaGate>().EnsureAsync(cancellationToken);
            foreach (var skipped in await runner.RefreshAsync(request, cancellationToken))
            {
                console.MarkupLineInterpolated($"[yellow]{skipped}[/]");
            }
        }
        catch (JobInputUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return UsageExitCode;
        }

        var problems = runner.Check(request);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                console.MarkupLineInterpolated($"[red]{problem}[/]");
            }

            return UsageExitCode;
        }

        // Ctrl-C or SIGTERM ends the backfill after the window in progress, with a summary of what was done (the host is
        // not started, so nothing else listens for them).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var output = new BackfillConsole(console);
        var summary = await output.RunAsync(runner, request, stop.Token);
        output.WriteSummary(summary);
        return summary.Stopped ? StoppedExitCode : summary.Failed == 0 ? 0 : FailedExitCode;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static DateOnly ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var option = result.Parent is OptionResult { Option: { } named } ? named.Name : "date";
        result.AddError($"{option}: '{text}' is not a date as yyyy-MM-dd, e.g. 2026-11-30.");
        return default;
    }
}
