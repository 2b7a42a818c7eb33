using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Simulators;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Hosting;

var commandLine = SimulatorCommandLine.Create(async (settings, cancellationToken) =>
{
    var builder = Host.CreateApplicationBuilder();
    builder.Configuration.AddInMemoryCollection(settings);
    builder.AddServiceDefaults();
    builder.AddSimulators();
    var host = builder.Build();
    var outcome = host.Services.GetRequiredService<SimulatorRunOutcome>();
    await host.RunAsync(cancellationToken);
    return outcome.ExitCode;
});

// No termination timeout: Ctrl-C and SIGTERM are the host's, so every device still announces itself offline.
return await commandLine.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
