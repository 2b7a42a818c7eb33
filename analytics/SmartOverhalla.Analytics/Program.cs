using System.CommandLine;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Analytics;
using SmartOverhalla.ServiceDefaults;
using Spectre.Console;

var commandLine = AnalyticsCommandLine.Create(
    () =>
    {
        // Its appsettings.json beside the binaries, wherever it is started from (a backfill is run by hand).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        builder.AddAnalytics();
        return builder;
    },
    AnsiConsole.Console);

// No termination timeout: Ctrl-C and SIGTERM are the host's, so a window in progress ends cleanly.
return await AnalyticsCommandLine.InvokeAsync(commandLine, args, new InvocationConfiguration { ProcessTerminationTimeout = null });
