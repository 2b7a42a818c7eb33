using Microsoft.Extensions.Hosting;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class OptionsValidationGuardTests
{
    [Fact]
    public void Problems_SimulatorsComposition_NoneBesidesTheKnownExceptions()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddServiceDefaults();
        builder.AddSimulators();

        var problems = OptionsValidationGuard.Problems(builder.Services, typeof(SimulatorOptions).Assembly);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
