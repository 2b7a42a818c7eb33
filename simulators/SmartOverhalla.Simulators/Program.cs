using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Simulators;
using SmartOverhalla.Simulators.Configuration;

var commandLine = SimulatorCommandLine.Create(async (settings, cancellationToken) =>
{
    var builder = Host.CreateApplicationBuilder();
    builder.Configuration.AddInMemoryCollection(settings);
    builder.AddServiceDefaults();
    builder.AddSimulators();
    await builder.Build().RunAsync(cancellationToken);
});

// No termination timeout: Ctrl-C and SIGTERM are the host's, so every device still announces itself offline.
return await commandLine.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
