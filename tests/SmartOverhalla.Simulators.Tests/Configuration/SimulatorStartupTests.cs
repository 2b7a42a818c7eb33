using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class SimulatorStartupTests
{
    [Fact]
    public async Task A_host_with_an_invalid_municipality_and_a_negative_count_refuses_to_start_with_a_clear_error()
    {
        // Given a host configured with a bad slug and a negative count
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(options =>
        {
            options.Municipality = "Over Halla";
            options.Watermeters = -1;
        });
        using var host = builder.Build();

        // When it starts
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // Then the error names both settings and what is wrong with them
        Assert.Contains(error.Failures, f => f.StartsWith("Simulators:Municipality 'Over Halla' is not a valid slug", StringComparison.Ordinal));
        Assert.Contains("Simulators:Watermeters: The field Watermeters must be between 0 and 100000.", error.Failures);
    }

    [Fact]
    public async Task A_host_with_an_invalid_broker_port_refuses_to_start()
    {
        // Given
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(_ => { }, mqtt => mqtt.Port = 0);
        using var host = builder.Build();

        // When / Then
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Mqtt:Port: The field Port must be between 1 and 65535.", error.Failures);
    }

    [Fact]
    public async Task A_host_told_to_fail_a_light_it_does_not_simulate_refuses_to_start_naming_the_light()
    {
        // Given configuration as appsettings.json or Simulators__StreetlightFaults__LampFailure__Devices__0 would give it
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulators:Streetlights"] = "20",
            ["Simulators:StreetlightFaults:LampFailure:Devices:0"] = "sim-light-0099",
        });
        builder.AddSimulators();
        using var host = builder.Build();

        // When / Then
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.Failures, f => f.StartsWith("Simulators:StreetlightFaults:LampFailure:Devices names 'sim-light-0099', which is not a simulated street light", StringComparison.Ordinal));
    }
}
