using System.CommandLine;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Analytics;
using SmartOverhalla.ServiceDefaults;
using Spectre.Console;

var commandLine = AnalyticsCommandLine.Create(
    () =>
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.AddAnalytics();
        return builder;
    },
    AnsiConsole.Console);

// No termination timeout: Ctrl-C and SIGTERM are the host's, so a window in progress ends cleanly.
return await commandLine.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
